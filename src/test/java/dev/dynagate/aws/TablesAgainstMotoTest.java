package dev.dynagate.aws;

import dev.dynagate.testing.MotoServer;
import java.net.URI;

/** The tables contract against moto_server, a third-party DynamoDB emulator. */
class TablesAgainstMotoTest extends TablesContract {
    private MotoServer moto;

    @Override
    URI startEndpoint() throws Exception {
        moto = MotoServer.start();
        return moto.endpoint();
    }

    @Override
    void stopEndpoint() {
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    boolean sizeOfANumberIsFalse() {
        return false;
    }
}
