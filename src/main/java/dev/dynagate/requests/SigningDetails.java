package dev.dynagate.requests;

/**
 * What a SigV4 signature was computed over, for the "signed request" inspector: people debugging a
 * SignatureDoesNotMatch compare these with what the server says it expected.
 */
public record SigningDetails(String canonicalRequest, String stringToSign, String signedHeaders,
                             String credentialScope, String accessKeyId, String region, String service) {
}
