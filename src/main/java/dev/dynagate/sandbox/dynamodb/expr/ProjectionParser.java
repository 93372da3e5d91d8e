package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.expr.Problems.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ProjectionExpression grammar: document paths separated by commas. */
final class ProjectionParser extends ExpressionParser {
    private ProjectionParser(String text, ExpressionContext ctx) {
        super("ProjectionExpression", text, ctx, Set.of(), Map.of());
    }

    @Override
    String functionOfOtherGrammar(String name) {
        return null;
    }

    static PathProjection parse(String text, ExpressionContext ctx) {
        ProjectionParser parser = new ProjectionParser(text, ctx);
        List<DocPath> paths = new ArrayList<>();
        do {
            DocPath path = parser.path();
            for (DocPath earlier : paths) {
                String clash = PathClash.between(earlier, path);
                if (clash != null) {
                    parser.problems.add(clash.startsWith("Two document paths overlap") ? Category.OVERLAP
                            : Category.CONFLICT, clash);
                }
            }
            paths.add(path);
        } while (parser.at(",") && parser.advance() != null);
        parser.expectEnd();
        parser.problems.throwFirst(Problems.PROJECTION_ORDER, "ProjectionExpression");
        return new PathProjection(paths);
    }
}
