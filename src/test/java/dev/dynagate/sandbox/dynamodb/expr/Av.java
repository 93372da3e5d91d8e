package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Short builders for attribute values and items in tests. */
final class Av {
    private Av() {
    }

    static AttrValue s(String v) {
        return new AttrValue.S(v);
    }

    static AttrValue n(String v) {
        return new AttrValue.N(Numbers.parse(v));
    }

    static AttrValue b(String v) {
        return new AttrValue.B(v.getBytes(StandardCharsets.UTF_8));
    }

    static AttrValue bool(boolean v) {
        return new AttrValue.Bool(v);
    }

    static AttrValue nul() {
        return new AttrValue.Null();
    }

    static AttrValue l(AttrValue... v) {
        return new AttrValue.L(List.of(v));
    }

    static AttrValue ss(String... v) {
        return new AttrValue.SS(List.of(v));
    }

    static AttrValue ns(String... v) {
        return new AttrValue.NS(Arrays.stream(v).map(Numbers::parse).toList());
    }

    static AttrValue bs(String... v) {
        return new AttrValue.BS(Arrays.stream(v).map(x -> x.getBytes(StandardCharsets.UTF_8)).toList());
    }

    static AttrValue m(Object... kv) {
        return new AttrValue.M(item(kv));
    }

    /** An item from alternating names and values. */
    static Map<String, AttrValue> item(Object... kv) {
        Map<String, AttrValue> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], (AttrValue) kv[i + 1]);
        }
        return out;
    }

    /** Values for a context from alternating :refs and values. */
    static ExpressionContext values(Object... kv) {
        return new ExpressionContext(null, kv.length == 0 ? null : item(kv));
    }

    static ExpressionContext ctx(Map<String, String> names, Object... kv) {
        return new ExpressionContext(names, kv.length == 0 ? null : item(kv));
    }

    /** The message of the ValidationException the call throws. */
    static String validation(ThrowingCallable call) {
        DynamoDbError error = catchThrowableOfType(DynamoDbError.class, call);
        if (error == null) {
            throw new AssertionError("expected a DynamoDbError");
        }
        if (!error.code().equals("ValidationException")) {
            throw new AssertionError("expected a ValidationException, got " + error.code() + ": " + error.getMessage());
        }
        return error.getMessage();
    }
}
