package dev.dynagate.sandbox.dynamodb.expr;

/** DynamoDB refuses two paths of one expression where one contains the other or where they disagree on a step's kind. */
final class PathClash {
    private PathClash() {
    }

    /** The error message for the two paths, or null when they are independent. */
    static String between(DocPath one, DocPath two) {
        int common = Math.min(one.length(), two.length());
        for (int i = 0; i < common; i++) {
            Object a = one.elements().get(i);
            Object b = two.elements().get(i);
            if (a.getClass() != b.getClass()) {
                return "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                        + "path one: " + one.display() + ", path two: " + two.display();
            }
            if (!a.equals(b)) {
                return null;
            }
        }
        return "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: " + one.display() + ", path two: " + two.display();
    }
}
