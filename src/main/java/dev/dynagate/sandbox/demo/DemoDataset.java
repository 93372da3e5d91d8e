package dev.dynagate.sandbox.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < HOT.size(); i++) {
            addExperiment(items, HOT.get(i), HOT_SAMPLES[i], 300, true);
        }
        for (int i = 0; i < SMALL_EXPERIMENTS; i++) {
            String id = String.format(Locale.ROOT, "EXP-%s-%d-%03d", AREAS[i % AREAS.length], 2019 + i % 6, 10 + i);
            addExperiment(items, id, 3 + random.nextInt(38), 12, false);
        }
        return items;
    }

    private void addExperiment(List<Map<String, AttributeValue>> items, String id, int samples, int subjects,
                               boolean hot) {
        items.add(meta(id, samples, hot));
        if (hot) {
            items.add(protocol(id));
        }
        String subjectPrefix = "SUBJ-" + id.substring(4, id.indexOf('-', 4)) + "-";
        for (int n = 1; n <= samples; n++) {
            items.add(sample(id, n, subjectPrefix + String.format(Locale.ROOT, "%04d", 1 + random.nextInt(subjects))));
        }
    }

    private Map<String, AttributeValue> meta(String id, int samples, boolean hot) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("experimentId", s(id));
        item.put("sampleId", s("META#experiment"));
        item.put("title", s(title(id)));
        item.put("principalInvestigator", s(INVESTIGATORS[random.nextInt(INVESTIGATORS.length)]));
        item.put("status", s(hot ? "ACTIVE" : STATUSES[random.nextInt(STATUSES.length)]));
        item.put("startedOn", s(String.format(Locale.ROOT, "%s-%02d-%02d", id.substring(id.length() - 8, id.length() - 4),
                1 + random.nextInt(12), 1 + random.nextInt(28))));
        item.put("sampleCount", n(Integer.toString(samples)));
        item.put("grantReference", n(thirtyEightDigits()));
        item.put("sites", AttributeValue.fromL(List.of(s(SITES[random.nextInt(SITES.length)]),
                s(SITES[random.nextInt(SITES.length)]))));
        item.put("keywords", AttributeValue.fromSs(List.of(id.split("-")[1].toLowerCase(Locale.ROOT), "biomarker",
                hot ? "multi-site" : "pilot")));
        item.put("protocol", AttributeValue.fromM(Map.of(
                "version", n(Integer.toString(1 + random.nextInt(4))),
                "blinded", AttributeValue.fromBool(random.nextBoolean()),
                "arms", AttributeValue.fromL(List.of(s("placebo"), s("treatment"))))));
        return item;
    }

    private Map<String, AttributeValue> protocol(String id) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("experimentId", s(id));
        item.put("sampleId", s("META#protocol"));
        item.put("document", s("Samples are drawn at baseline and every 4 weeks; temperature in degrees Celsius, "
                + "heart rate in beats per minute, blood pressure in mmHg."));
        item.put("amendments", AttributeValue.fromNs(List.of("1", "2", "3")));
        item.put("signature", AttributeValue.fromB(SdkBytes.fromByteArray(bytes(32))));
        return item;
    }

    private Map<String, AttributeValue> sample(String id, int n, String subjectId) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("experimentId", s(id));
        item.put("sampleId", s(String.format(Locale.ROOT, "SAMPLE#%04d", n)));
        item.put("subjectId", s(subjectId));
        item.put("recordedAt", s(String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:00Z", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60))));
        String temperature = String.format(Locale.ROOT, "%.1f", 36.0 + random.nextDouble() * 3.2);
        item.put("temperature", random.nextInt(100) < 2 ? s(temperature) : n(temperature));
        item.put("heartRate", n(Integer.toString(52 + random.nextInt(70))));
        item.put("vitals", AttributeValue.fromM(Map.of(
                "systolic", n(Integer.toString(100 + random.nextInt(60))),
                "diastolic", n(Integer.toString(60 + random.nextInt(35))),
                "spo2", n(Integer.toString(90 + random.nextInt(10))))));
        List<AttributeValue> readings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readings.add(n(String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 2 + 10)));
        }
        item.put("readings", AttributeValue.fromL(readings));
        if (random.nextInt(4) == 0) {
            item.put("flags", AttributeValue.fromSs(List.of(FLAGS[random.nextInt(FLAGS.length)])));
        }
        if (random.nextInt(10) == 0) {
            item.put("rawSignal", AttributeValue.fromB(SdkBytes.fromByteArray(bytes(16))));
        }
        if (random.nextInt(7) == 0) {
            item.put("notes", s("Repeat draw requested by site coordinator"));
        }
        item.put("valid", AttributeValue.fromBool(random.nextInt(20) != 0));
        if (random.nextInt(20) == 0) {
            item.put("reviewer", AttributeValue.fromNul(true));
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

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
