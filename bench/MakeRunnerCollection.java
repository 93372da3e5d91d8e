import dev.dynagate.requests.collections.Collection;
import dev.dynagate.requests.collections.CollectionItem;
import dev.dynagate.requests.collections.CollectionFiles;
import dev.dynagate.requests.collections.Folder;
import dev.dynagate.requests.collections.PostmanExporter;
import dev.dynagate.requests.collections.SavedRequest;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark collection: 10 folders of 25 create → read → update → delete chains (1,000 requests, 2,750
 * checks, 250 captures), as a Dynagate collection folder and exported to Postman v2.1.
 * Usage: java -cp "target/dynagate.jar:target/lib/*" bench/MakeRunnerCollection.java OUT_DIR
 */
public class MakeRunnerCollection {
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        List<CollectionItem> folders = new ArrayList<>();
        for (int f = 1; f <= 10; f++) {
            List<CollectionItem> requests = new ArrayList<>();
            for (int c = 1; c <= 25; c++) {
                String name = "item-" + f + "-" + c;
                requests.add(request("Create " + name, "POST", "{{baseUrl}}/items", Body.json("{\"name\": \"" + name + "\"}"),
                        List.of(status("201"), json("$.name", name)), List.of(new Capture("id", Capture.Source.JSON_PATH, "$.id"))));
                requests.add(request("Read " + name, "GET", "{{baseUrl}}/items/{{id}}", Body.NONE,
                        List.of(status("200"), json("$.id", "{{id}}"), json("$.name", name)), List.of()));
                requests.add(request("Rename " + name, "PUT", "{{baseUrl}}/items/{{id}}",
                        Body.json("{\"name\": \"" + name + "-renamed\"}"), List.of(status("200"), json("$.name", name + "-renamed")), List.of()));
                requests.add(request("Delete " + name, "DELETE", "{{baseUrl}}/items/{{id}}", Body.NONE, List.of(status("204")), List.of()));
            }
            folders.add(Folder.of("Folder " + f, requests));
        }
        Collection collection = new Collection(null, "Runner benchmark", null, Auth.NONE,
                List.of(KeyValue.of("baseUrl", "http://127.0.0.1:8000")), List.of(), null, folders);
        Collection saved = CollectionFiles.create(collection, out.resolve("collection"));
        PostmanExporter.write(saved, out.resolve("runner-benchmark.postman_collection.json"));
    }

    private static CollectionItem request(String name, String method, String url, Body body, List<Assertion> assertions,
                                          List<Capture> captures) {
        List<KeyValue> headers = body.mode() == Body.Mode.NONE ? List.of() : List.of(KeyValue.of("Content-Type", "application/json"));
        return SavedRequest.of(new RequestSpec(name, method, url, headers, body, Auth.INHERIT, assertions, captures, null));
    }

    private static Assertion status(String code) {
        return new Assertion(Assertion.Target.STATUS, null, Assertion.Operator.EQUALS, code, true);
    }

    private static Assertion json(String path, String expected) {
        return new Assertion(Assertion.Target.JSON_PATH, path, Assertion.Operator.EQUALS, expected, true);
    }
}
