package dev.dynagate.sandbox.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;

/**
 * The demo's medical-experiment items, generated deterministically: a few hot experiments holding most samples and
 * many small ones (the skew the partitions view should show), mixed attribute types, a 38-digit number, and a
 * {@code temperature} stored as a number in about 98% of samples and as a string in the rest (the drift the schema
 * view should show).
 */
final class DemoDataset {
    static final List<String> HOT = List.of("EXP-CARDIO-2024-001", "EXP-ONCO-2024-007", "EXP-NEURO-2023-003");
    private static final int[] HOT_SAMPLES = {2500, 1500, 800};
    private static final int SMALL_EXPERIMENTS = 40;
    private static final String[] AREAS = {"CARDIO", "ONCO", "NEURO", "DERM", "ENDO", "IMMUNO", "PULM", "RENAL"};
    private static final String[] INVESTIGATORS = {"Dr. Amira Rahman", "Dr. Kenji Watanabe", "Dr. Lucia Ferreira",
            "Dr. Tomasz Nowak", "Dr. Grace Okafor", "Dr. Henrik Lund"};
    private static final String[] STATUSES = {"ACTIVE", "ACTIVE", "COMPLETED", "PAUSED"};
    private static final String[] FLAGS = {"fasting", "repeat", "outlier", "late-entry", "hemolyzed"};
    private static final String[] SITES = {"Lyon", "Osaka", "Porto", "Krakow", "Lagos", "Aarhus", "Denver"};

    private final Random random = new Random(20240501L);

    List<Map<String, AttrValue>> items() {
        List<Map<String, AttrValue>> items = new ArrayList<>();
        for (int i = 0; i < HOT.size(); i++) {
            addExperiment(items, HOT.get(i), HOT_SAMPLES[i], 300, true);
        }
        for (int i = 0; i < SMALL_EXPERIMENTS; i++) {
            String id = String.format(Locale.ROOT, "EXP-%s-%d-%03d", AREAS[i % AREAS.length], 2019 + i % 6, 10 + i);
            addExperiment(items, id, 3 + random.nextInt(38), 12, false);
        }
        return items;
    }

    private void addExperiment(List<Map<String, AttrValue>> items, String id, int samples, int subjects,
                               boolean hot) {
        items.add(meta(id, samples, hot));
        if (hot) {
            items.add(protocol(id));
        }
        String subjectPrefix = "SUBJ-" + id.substring(4, id.indexOf('-', 4)) + "-";
        for (int n = 1; n <= samples; n++) {
            items.add(sample(id, n, subjectPrefix + padded(1 + random.nextInt(subjects), 4)));
        }
    }

    private Map<String, AttrValue> meta(String id, int samples, boolean hot) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("experimentId", s(id));
        item.put("sampleId", s("META#experiment"));
        item.put("title", s(title(id)));
        item.put("principalInvestigator", s(INVESTIGATORS[random.nextInt(INVESTIGATORS.length)]));
        item.put("status", s(hot ? "ACTIVE" : STATUSES[random.nextInt(STATUSES.length)]));
        item.put("startedOn", s(String.format(Locale.ROOT, "%s-%02d-%02d", id.substring(id.length() - 8, id.length() - 4),
                1 + random.nextInt(12), 1 + random.nextInt(28))));
        item.put("sampleCount", n(Integer.toString(samples)));
        item.put("grantReference", n(thirtyEightDigits()));
        item.put("sites", new AttrValue.L(List.of(s(SITES[random.nextInt(SITES.length)]),
                s(SITES[random.nextInt(SITES.length)]))));
        item.put("keywords", new AttrValue.SS(List.of(id.split("-")[1].toLowerCase(Locale.ROOT), "biomarker",
                hot ? "multi-site" : "pilot")));
        item.put("protocol", map(
                "version", n(Integer.toString(1 + random.nextInt(4))),
                "blinded", new AttrValue.Bool(random.nextBoolean()),
                "arms", new AttrValue.L(List.of(s("placebo"), s("treatment")))));
        return item;
    }

    private Map<String, AttrValue> protocol(String id) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("experimentId", s(id));
        item.put("sampleId", s("META#protocol"));
        item.put("document", s("Samples are drawn at baseline and every 4 weeks; temperature in degrees Celsius, "
                + "heart rate in beats per minute, blood pressure in mmHg."));
        item.put("amendments", new AttrValue.NS(List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(3))));
        item.put("signature", new AttrValue.B(bytes(32)));
        return item;
    }

    private Map<String, AttrValue> sample(String id, int n, String subjectId) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("experimentId", s(id));
        item.put("sampleId", s("SAMPLE#" + padded(n, 4)));
        item.put("subjectId", s(subjectId));
        item.put("recordedAt", s("2024-" + padded(1 + random.nextInt(12), 2) + "-" + padded(1 + random.nextInt(28), 2)
                + "T" + padded(random.nextInt(24), 2) + ":" + padded(random.nextInt(60), 2) + ":00Z"));
        String temperature = decimal(36.0 + random.nextDouble() * 3.2, 1);
        item.put("temperature", random.nextInt(100) < 2 ? s(temperature) : n(temperature));
        item.put("heartRate", n(Integer.toString(52 + random.nextInt(70))));
        item.put("vitals", map(
                "systolic", n(Integer.toString(100 + random.nextInt(60))),
                "diastolic", n(Integer.toString(60 + random.nextInt(35))),
                "spo2", n(Integer.toString(90 + random.nextInt(10)))));
        List<AttrValue> readings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readings.add(n(decimal(random.nextGaussian() * 2 + 10, 3)));
        }
        item.put("readings", new AttrValue.L(readings));
        if (random.nextInt(4) == 0) {
            item.put("flags", new AttrValue.SS(List.of(FLAGS[random.nextInt(FLAGS.length)])));
        }
        if (random.nextInt(10) == 0) {
            item.put("rawSignal", new AttrValue.B(bytes(16)));
        }
        if (random.nextInt(7) == 0) {
            item.put("notes", s("Repeat draw requested by site coordinator"));
        }
        item.put("valid", new AttrValue.Bool(random.nextInt(20) != 0));
        if (random.nextInt(20) == 0) {
            item.put("reviewer", new AttrValue.Null());
        }
        return item;
    }

    private static String title(String id) {
        return switch (id.split("-")[1]) {
            case "CARDIO" -> "Cardiac biomarker response to low-dose statins";
            case "ONCO" -> "Circulating tumour DNA under first-line therapy";
            case "NEURO" -> "Sleep architecture and cognitive decline";
            case "DERM" -> "Topical treatment of chronic eczema";
            case "ENDO" -> "Glucose variability in type 2 diabetes";
            case "IMMUNO" -> "Antibody persistence after booster vaccination";
            case "PULM" -> "Lung function after long-term exposure";
            default -> "Kidney function markers in hypertension";
        };
    }

    private String thirtyEightDigits() {
        StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
        while (digits.length() < 38) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /*
     * Plain formatting rather than String.format: the first start of the app waits for these thousands of items, and
     * the formatter made generating them take longer than storing them.
     */
    private static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** A map attribute in the order given, so every run stores the same bytes. */
    private static AttrValue map(Object... namesAndValues) {
        Map<String, AttrValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (AttrValue) namesAndValues[i + 1]);
        }
        return new AttrValue.M(members);
    }

    private static AttrValue s(String value) {
        return new AttrValue.S(value);
    }

    private static AttrValue n(String value) {
        return new AttrValue.N(Numbers.parse(value));
    }
}
