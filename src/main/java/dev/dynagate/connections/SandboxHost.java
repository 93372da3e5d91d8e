package dev.dynagate.connections;

import java.net.URI;

/** Gives the built-in sandbox's endpoint, starting it on first use. Called on background threads only. */
public interface SandboxHost {

    URI endpoint() throws Exception;
}
