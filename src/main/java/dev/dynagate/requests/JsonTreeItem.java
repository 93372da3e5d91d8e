package dev.dynagate.requests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A JSON value as a foldable tree row ("name: value", "name {3}", "name [12]"). Children are made when a row is
 * first expanded, so a response with a hundred thousand values opens at once.
 */
final class JsonTreeItem extends TreeItem<String> {
    private final JsonNode node;
    private boolean built;

    JsonTreeItem(String name, JsonNode node) {
        super(label(name, node));
        this.node = node;
    }

    @Override
    public boolean isLeaf() {
        return !node.isContainerNode() || node.isEmpty();
    }

    @Override
    public ObservableList<TreeItem<String>> getChildren() {
        if (!built) {
            built = true;
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    super.getChildren().add(new JsonTreeItem(field.getKey(), field.getValue()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    super.getChildren().add(new JsonTreeItem("[" + i + "]", node.get(i)));
                }
            }
        }
        return super.getChildren();
    }

    static String label(String name, JsonNode node) {
        String prefix = name == null ? "" : name + ": ";
        if (node.isObject()) {
            return prefix + "{" + node.size() + "}";
        }
        if (node.isArray()) {
            return prefix + "[" + node.size() + "]";
        }
        return prefix + node.toString();
    }
}
