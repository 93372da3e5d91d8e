package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a Bruno collection folder in the {@code .bru} layout: {@code bruno.json}, {@code collection.bru},
 * {@code folder.bru} per folder, one {@code .bru} per request, {@code environments/*.bru}. Scripts and tests are
 * not run; they are listed in the notes, as is anything without an equivalent here.
 */
public final class BrunoImporter {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "options", "head", "trace", "connect");
    private final Path root;
    private final BrunoTree tree;
    private final List<String> notes = new ArrayList<>();

    private BrunoImporter(Path root) {
        this.root = root;
        tree = new BrunoTree(root, Set.of("environments", "node_modules"), file -> file.endsWith(".bru")
                && !file.equals("folder.bru") && !file.equals("collection.bru"));
    }

    public static boolean isBruno(Path dir) {
        return Files.isRegularFile(dir.resolve("bruno.json"));
    }

    public static OpenedCollection read(Path root) {
        return new BrunoImporter(root).collection();
    }

    private OpenedCollection collection() {
        var json = JsonFiles.read(root.resolve("bruno.json"));
        String name = SpecJson.text(json, "name") == null ? root.getFileName().toString() : SpecJson.text(json, "name");
        Path collectionFile = root.resolve("collection.bru");
        BruFile settings = Files.isRegularFile(collectionFile) ? parse(collectionFile) : BruFile.parse(collectionFile, "");
        scripts(settings, name);
        Auth auth = auth(settings, settings.value("auth", "mode"), name);
        Collection collection = new Collection(null, name, null, auth instanceof Auth.Inherit ? Auth.NONE : auth,
                keyValues(settings.entries("vars:pre-request")), keyValues(settings.entries("headers")),
                settings.text("docs"), items(root, ""));
        return new OpenedCollection(collection, environments(), notes);
    }

    private List<CollectionItem> items(Path dir, String parent) {
        return tree.items(dir, parent, this::folder, this::request);
    }

    private Folder folder(Path dir, String parent) {
        Path file = dir.resolve("folder.bru");
        BruFile bru = Files.isRegularFile(file) ? parse(file) : BruFile.parse(file, "");
        String name = bru.value("meta", "name") == null ? dir.getFileName().toString() : bru.value("meta", "name");
        String path = parent.isEmpty() ? name : parent + " / " + name;
        scripts(bru, path);
        return new Folder(name, seq(bru), null, auth(bru, bru.value("auth", "mode"), path),
                keyValues(bru.entries("vars:pre-request")), keyValues(bru.entries("headers")), bru.text("docs"),
                items(dir, path));
    }

    private SavedRequest request(Path file, String parent) {
        BruFile bru = parse(file);
        String fileName = file.getFileName().toString();
        String name = bru.value("meta", "name") == null ? fileName.substring(0, fileName.length() - 4) : bru.value("meta", "name");
        String path = parent.isEmpty() ? name : parent + " / " + name;
        String method = bru.blocks().stream().filter(METHODS::contains).findFirst().orElse(null);
        if (method == null) {
            notes.add("\"" + path + "\" has no method block (" + bru.value("meta", "type") + "); read as GET");
            method = "get";
        }
        String url = pathParams(bru.value(method, "url"), bru.entries("params:path"), path);
        Body body = body(bru, bru.value(method, "body"), path);
        Auth auth = auth(bru, bru.value(method, "auth"), path);
        List<Assertion> assertions = new ArrayList<>();
        for (BruFile.Entry entry : bru.entries("assert")) {
            BrunoAssertions.assertion(entry.key(), entry.value(), entry.enabled()).ifPresentOrElse(assertions::add,
                    () -> notes.add("assertion \"" + entry.key() + ": " + entry.value() + "\" of \"" + path + "\" has no equivalent; skipped"));
        }
        List<Capture> captures = new ArrayList<>();
        for (BruFile.Entry entry : bru.entries("vars:post-response")) {
            BrunoAssertions.capture(entry.key(), entry.value()).ifPresentOrElse(captures::add,
                    () -> notes.add("post-response variable " + entry.key() + " of \"" + path + "\" has no equivalent; skipped"));
        }
        if (!bru.entries("vars:pre-request").isEmpty()) {
            notes.add("request variables of \"" + path + "\" are not supported; define them on the folder or environment");
        }
        scripts(bru, path);
        RequestSpec spec = new RequestSpec(name, method.toUpperCase(Locale.ROOT), url == null ? "" : url,
                keyValues(bru.entries("headers")), body, auth, assertions, captures, bru.text("docs"));
        return new SavedRequest(spec, seq(bru), null);
    }

    private Body body(BruFile bru, String mode, String path) {
        if (mode == null) {
            return Body.NONE;
        }
        return switch (mode) {
            case "json" -> Body.json(bru.text("body:json"));
            case "text" -> Body.text(bru.text("body:text"));
            case "xml" -> new Body(Body.Mode.XML, bru.text("body:xml"), List.of(), null);
            case "formUrlEncoded" -> Body.form(keyValues(bru.entries("body:form-urlencoded")));
            case "multipartForm" -> new Body(Body.Mode.MULTIPART_FORM, null, keyValues(bru.entries("body:multipart-form")), null);
            case "graphql" -> {
                notes.add("GraphQL body of \"" + path + "\" imported as a JSON body");
                var node = JsonFiles.MAPPER.createObjectNode().put("query", bru.text("body:graphql"));
                String vars = bru.text("body:graphql:vars");
                if (vars != null && !vars.isBlank()) {
                    try {
                        node.set("variables", JsonFiles.MAPPER.readTree(vars));
                    } catch (IOException e) {
                        node.put("variables", vars);
                    }
                }
                yield Body.json(node.toPrettyString());
            }
            case "none" -> Body.NONE;
            default -> {
                notes.add("body mode " + mode + " of \"" + path + "\" is not supported; sent without a body");
                yield Body.NONE;
            }
        };
    }

    private Auth auth(BruFile bru, String mode, String where) {
        if (mode == null || mode.equals("inherit")) {
            return Auth.INHERIT;
        }
        String block = "auth:" + mode;
        return switch (mode) {
            case "none" -> Auth.NONE;
            case "bearer" -> new Auth.Bearer(orEmpty(bru.value(block, "token")));
            case "basic" -> new Auth.Basic(orEmpty(bru.value(block, "username")), orEmpty(bru.value(block, "password")));
            case "apikey" -> new Auth.ApiKey(orEmpty(bru.value(block, "key")), orEmpty(bru.value(block, "value")),
                    "queryparams".equalsIgnoreCase(bru.value(block, "placement")) ? Auth.ApiKey.Placement.QUERY
                            : Auth.ApiKey.Placement.HEADER);
            case "awsv4" -> {
                if (!orEmpty(bru.value(block, "accessKeyId")).isBlank() || !orEmpty(bru.value(block, "secretAccessKey")).isBlank()) {
                    notes.add("AWS keys in the awsv4 auth of \"" + where + "\" are not imported: requests are signed "
                            + "with the AWS profile or connection's credentials");
                }
                yield new Auth.SigV4(blankToNull(bru.value(block, "service")), blankToNull(bru.value(block, "region")),
                        blankToNull(bru.value(block, "profileName")));
            }
            default -> {
                notes.add("auth mode " + mode + " of \"" + where + "\" is not supported; sent without auth");
                yield Auth.NONE;
            }
        };
    }

    private String pathParams(String url, List<BruFile.Entry> params, String where) {
        String out = url;
        for (BruFile.Entry param : params) {
            if (out != null && param.enabled() && !param.value().isEmpty()) {
                out = out.replaceAll("/:" + java.util.regex.Pattern.quote(param.key()) + "(?=[/?#]|$)",
                        java.util.regex.Matcher.quoteReplacement("/" + param.value()));
            } else if (param.value().isEmpty()) {
                notes.add("path parameter :" + param.key() + " of \"" + where + "\" has no value");
            }
        }
        return out;
    }

    private List<Environment> environments() {
        Path dir = root.resolve("environments");
        List<Environment> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bru")).sorted().toList()) {
                BruFile bru = parse(file);
                String fileName = file.getFileName().toString();
                List<KeyValue> variables = new ArrayList<>(keyValues(bru.entries("vars")));
                Set<String> secrets = new LinkedHashSet<>();
                for (String secret : bru.list("vars:secret")) {
                    boolean enabled = !secret.startsWith("~");
                    String key = enabled ? secret : secret.substring(1);
                    secrets.add(key);
                    variables.add(new KeyValue(key, "", enabled));
                }
                out.add(new Environment(fileName.substring(0, fileName.length() - 4), false, variables, secrets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void scripts(BruFile bru, String where) {
        for (String block : List.of("script:pre-request", "script:post-response", "tests")) {
            String text = bru.text(block);
            if (text != null && !text.isBlank()) {
                long lines = text.lines().count();
                notes.add(block.replace("script:", "") + " script of \"" + where + "\" not run (" + lines + " line"
                        + (lines == 1 ? "" : "s") + ")");
            }
        }
    }

    private static BruFile parse(Path file) {
        try {
            return BruFile.parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new CollectionFormatException(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static int seq(BruFile bru) {
        try {
            return Integer.parseInt(orEmpty(bru.value("meta", "seq")).strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static List<KeyValue> keyValues(List<BruFile.Entry> entries) {
        return entries.stream().map(e -> new KeyValue(e.key(), e.value(), e.enabled())).toList();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
