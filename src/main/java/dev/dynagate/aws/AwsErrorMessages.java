package dev.dynagate.aws;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.Regions;
import dev.dynagate.ui.UserMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what the SDK throws into one line a person can act on: what went wrong and how to fix it. Never a stack
 * trace. The original exception stays available to logs.
 */
public final class AwsErrorMessages {
    private static final Pattern ACTION = Pattern.compile("perform: ([a-zA-Z0-9-]+:[A-Za-z0-9]+)");

    private static final String FIX_REGION = "Pick a region such as us-east-1 or eu-west-1 in the connection settings.";
    private static final String FIX_ENDPOINT =
            "Start the service there, or fix the endpoint URL in the connection settings.";
    private static final String FIX_NOT_FOUND = "Refresh the list: it may have been deleted.";
    private static final String FIX_THROTTLED = "If it persists, lower the page size or parallel segments.";
    private static final String FIX_ENVIRONMENT_KEYS = "Start Dynagate again with fresh AWS_ACCESS_KEY_ID, "
            + "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or pick a profile instead.";
    private static final String FIX_NO_CREDENTIALS =
            "Configure them with 'aws configure' (or 'aws configure sso'), or pick another connection.";
    /** The same advice for someone at a command line, where there is no connection form and no list to refresh. */
    private static final Map<String, String> COMMAND_LINE_FIXES = Map.of(
            FIX_REGION, "Pass a region such as us-east-1 or eu-west-1 with --region.",
            FIX_ENDPOINT, "Start the service there, or fix --endpoint-url.",
            FIX_NOT_FOUND, "Check the name, --region and --endpoint-url.",
            FIX_THROTTLED, "If it persists, lower --segments (export) or --writers (import), or raise the table's "
                    + "capacity.",
            FIX_NO_CREDENTIALS,
            "Configure them with 'aws configure' (or 'aws configure sso'), or pass another --profile.",
            FIX_ENVIRONMENT_KEYS, "Set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or pass "
                    + "--profile.");

    private AwsErrorMessages() {
    }

    /** One line for a command's error output: what went wrong and what to do, worded for the command line. */
    public static String forCommandLine(Throwable error, Connection connection) {
        UserMessage message = describe(error, connection);
        if (FIX_THROTTLED.equals(message.fix())) {
            // a command has given up by the time it says so
            message = new UserMessage(message.text().replace("AWS is throttling", "AWS kept throttling")
                    .replace("; retrying with back-off.", " through every retry."), message.fix(), message.retryable());
        }
        String fix = message.fix() == null ? "" : COMMAND_LINE_FIXES.getOrDefault(message.fix(),
                message.fix().replace("   then press Retry.", ", then run the command again."));
        return fix.isBlank() ? message.text() : message.text() + " " + fix;
    }

    public static UserMessage describe(Throwable error, Connection connection) {
        Throwable root = unwrap(error);
        String where = connection == null ? "" : " (" + connection.name() + ")";
        if (root instanceof java.util.concurrent.CancellationException || root instanceof InterruptedException) {
            return new UserMessage("Cancelled.", "", false);
        }
        if (root instanceof AwsServiceException service) {
            return describeService(service, connection);
        }
        String text = messageChain(root);
        String lower = text.toLowerCase(Locale.ROOT);
        if (connection != null && connection.region() != null && !Regions.looksValid(connection.region())) {
            return new UserMessage("'" + connection.region() + "' is not an AWS region code" + where + ".",
                    FIX_REGION, false);
        }
        if (lower.contains("sso") && (lower.contains("expired") || lower.contains("token") && lower.contains("invalid")
                || lower.contains("aws sso login"))) {
            String profile = connection == null || connection.profile() == null ? "PROFILE" : connection.profile();
            return new UserMessage("The SSO session for profile '" + profile + "' has expired or was never started.",
                    "Run: aws sso login --profile " + profile + "   then press Retry.", true);
        }
        if (lower.contains("unable to load credentials") || lower.contains("profile file contained no credentials")
                || lower.contains("no credentials") || lower.contains("unable to load region")) {
            return new UserMessage("No AWS credentials were found for " + describeSource(connection) + ".",
                    connection != null && connection.usesEnvironmentKeys() ? FIX_ENVIRONMENT_KEYS
                            : FIX_NO_CREDENTIALS, false);
        }
        if (hasCause(error, UnknownHostException.class)) {
            String host = causeMessage(error, UnknownHostException.class);
            boolean regionTypo = connection != null && connection.kind() == Connection.Kind.PROFILE;
            return new UserMessage("The host " + host + " could not be found" + where + ".",
                    regionTypo ? "Check the region (" + connection.region() + ") and your network or proxy settings."
                            : "Check the endpoint URL and your network.", true);
        }
        if (hasCause(error, ConnectException.class) || lower.contains("connection refused")) {
            return new UserMessage("Nothing answers at " + endpointOf(connection) + where + " (connection refused).",
                    FIX_ENDPOINT, true);
        }
        if (root instanceof ApiCallTimeoutException || root instanceof ApiCallAttemptTimeoutException
                || hasCause(error, SocketTimeoutException.class)) {
            return new UserMessage("The call timed out" + where + ".",
                    "Check your network or VPN, then retry.", true);
        }
        if (root instanceof SdkClientException) {
            return new UserMessage(firstSentence(root.getMessage()) + where, "", true);
        }
        return new UserMessage(firstSentence(text), "", false);
    }

    private static UserMessage describeService(AwsServiceException service, Connection connection) {
        String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
        String message = service.awsErrorDetails() == null ? service.getMessage()
                : String.valueOf(service.awsErrorDetails().errorMessage());
        int status = service.statusCode();
        switch (code) {
            case "ExpiredToken", "ExpiredTokenException", "RequestExpired" -> {
                if (connection != null && connection.usesEnvironmentKeys()) {
                    return new UserMessage("The AWS credentials in the environment have expired.",
                            FIX_ENVIRONMENT_KEYS, false);
                }
                String profile = connection == null || connection.profile() == null ? null : connection.profile();
                return new UserMessage("The AWS credentials have expired.", profile == null
                        ? "Refresh your credentials, then retry."
                        : "Run: aws sso login --profile " + profile + " (or refresh the profile's keys), then retry.", true);
            }
            case "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
                 "SignatureDoesNotMatch" -> {
                return new UserMessage("AWS rejected the credentials (" + code + ").",
                        connection != null && connection.usesEnvironmentKeys() ? FIX_ENVIRONMENT_KEYS
                                : "Check the access keys of " + describeSource(connection) + ".", false);
            }
            case "ThrottlingException", "Throttling", "TooManyRequestsException",
                 "ProvisionedThroughputExceededException", "RequestLimitExceeded" -> {
                return new UserMessage("AWS is throttling these requests (" + code + "); retrying with back-off.",
                        FIX_THROTTLED, true);
            }
            default -> {
                // fall through to status-based handling
            }
        }
        if (status == 403 || code.contains("AccessDenied")) {
            Matcher action = ACTION.matcher(message == null ? "" : message);
            String what = action.find() ? action.group(1) : "this action";
            return new UserMessage("Access denied: " + describeSource(connection) + " is not allowed " + what + ".",
                    "Ask for " + what + " in your IAM policy, or use a role that has it.", false);
        }
        if (code.equals("ResourceNotFoundException")) {
            return new UserMessage(firstSentence(message) + ".", FIX_NOT_FOUND, false);
        }
        return new UserMessage(firstSentence(message) + (code.isEmpty() ? "" : " (" + code + ")"), "", status >= 500);
    }

    private static String describeSource(Connection connection) {
        if (connection == null) {
            return "this connection";
        }
        if (connection.usesEnvironmentKeys()) {
            return "the environment's AWS_ACCESS_KEY_ID";
        }
        return connection.profile() != null ? "profile '" + connection.profile() + "'" : "'" + connection.name() + "'";
    }

    private static String endpointOf(Connection connection) {
        if (connection == null || connection.endpoint() == null) {
            return "the endpoint";
        }
        return connection.endpoint().toString();
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException
                || current instanceof java.lang.reflect.UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String causeMessage(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                String m = t.getMessage();
                return m == null ? "?" : m.split(":")[0].strip();
            }
        }
        return "?";
    }

    private static String messageChain(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null && all.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            // a wrapper that already quotes its cause's message would otherwise say everything twice
            if (t.getMessage() != null && all.indexOf(t.getMessage()) < 0) {
                all.append(t.getMessage()).append(' ');
            }
        }
        return all.toString().strip();
    }

    static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "Unexpected error";
        }
        String line = message.strip().split("\\R")[0];
        int cut = line.indexOf(" (Service:");
        if (cut > 0) {
            line = line.substring(0, cut);
        }
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
