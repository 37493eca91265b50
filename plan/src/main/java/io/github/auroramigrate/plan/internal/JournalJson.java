package io.github.auroramigrate.plan.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.plan.Decision;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.StepReport;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The journal document and reports as JSON. Readers ignore unknown fields and refuse another format or a newer
 * version. Stateless and thread-safe.
 *
 * <pre>{@code
 * JournalDoc doc = JournalJson.read(bytes, "shop.journal/journal.json");
 * }</pre>
 */
public final class JournalJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private JournalJson() {
    }

    /** @return the document's JSON */
    public static byte[] toBytes(JournalDoc doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws MigrationException PLAN_JOURNAL when it is not a journal this version can read
     */
    public static JournalDoc read(byte[] json, String where) {
        JournalDoc doc;
        try {
            doc = MAPPER.readValue(json, JournalDoc.class);
        } catch (IOException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.PLAN_JOURNAL, "The plan journal " + where
                    + " is not valid JSON: " + e.getMessage()), e);
        }
        if (!JournalDoc.FORMAT.equals(doc.format) || doc.version > JournalDoc.VERSION || doc.planId == null) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.PLAN_JOURNAL, "The file " + where + " is not a plan "
                    + "journal this version can read (format " + doc.format + ", version " + doc.version + ")"));
        }
        return doc;
    }

    /** @return a report as JSON: durations in milliseconds, instants as ISO-8601 text */
    public static String write(PlanReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("planId", r.planId()).put("state", r.state().name()).put("attempt", r.attempt())
                .put("elapsedMillis", r.elapsed().toMillis()).put("message", r.message());
        ArrayNode steps = root.putArray("steps");
        for (StepReport s : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("name", s.name()).put("description", s.description()).put("rollbackDescription", s.rollbackDescription())
                    .put("state", s.state().name()).put("attempts", s.attempts()).put("durationMillis", s.duration().toMillis())
                    .put("rollbackDurationMillis", s.rollbackDuration().toMillis()).put("sizeDependent", s.sizeDependent())
                    .put("detail", s.detail()).put("rollbackDetail", s.rollbackDetail());
            ObjectNode out = n.putObject("outputs");
            s.outputs().forEach(out::put);
        }
        ArrayNode decisions = root.putArray("decisions");
        for (Decision d : r.decisions()) {
            decisions.addObject().put("at", d.at().toString()).put("step", d.step()).put("text", d.text());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
