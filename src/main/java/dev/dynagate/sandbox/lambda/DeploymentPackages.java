package dev.dynagate.sandbox.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded deployment package (a zip or jar: classes at the root, libraries in {@code lib/}) into its own
 * folder under the runtime's code folder; each upload gets a new folder so running environments keep their files.
 */
final class DeploymentPackages {
    private DeploymentPackages() {
    }

    static FunctionCode unpack(Path codeFolder, String functionName, byte[] zip) {
        String sha256 = sha256(zip);
        Path target = codeFolder.resolve(functionName + "-" + sha256.substring(0, 12).replaceAll("[^A-Za-z0-9]", "_"));
        try {
            Files.createDirectories(target);
            int entries = 0;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; entries++) {
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IllegalArgumentException("zip entry escapes the package: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (entries == 0) {
                throw new IllegalArgumentException("Could not unzip uploaded file. Please check your file, then try to upload again.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FunctionCode(target.toAbsolutePath().toString(), sha256, zip.length);
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
