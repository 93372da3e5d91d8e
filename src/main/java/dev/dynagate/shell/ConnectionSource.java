package dev.dynagate.shell;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import java.io.IOException;
import java.util.List;

/** Where the shell gets and keeps its connections; blocking, called on the background executor. */
public interface ConnectionSource {

    ConnectionRepository.Listing load();

    void save(List<Connection> connections, Connection active) throws IOException;
}
