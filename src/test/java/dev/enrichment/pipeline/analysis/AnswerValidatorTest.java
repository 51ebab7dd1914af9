package dev.enrichment.pipeline.analysis;

import static dev.enrichment.pipeline.analysis.AnalysisFixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.enrichment.fact.NewFact;
import dev.enrichment.preference.NewPreference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerValidatorTest {

    @Test
    void readsAValidAnswer() throws Exception {
        Answer answer = AnswerValidator.validate(answer().tone("Mixed")
                .confidence(0.7)
                .fact("Mark", "name", "is_named", 0.95)
                .preference("preferred_name", "Mark", 0.95, true)
                .json());

        assertThat(answer.summary()).isEqualTo(AnalysisFixtures.VALID_SUMMARY);
        assertThat(answer.emotionalTone()).isEqualTo("mixed");
        assertThat(answer.confidence()).isEqualTo(0.7);
        assertThat(answer.facts()).containsExactly(new NewFact("Mark", "name", "is_named", 0.95, "The user said so."));
        assertThat(answer.preferences())
                .containsExactly(
                        new NewPreference("preferred_name", "Mark", 0.95, true, false, "The user asked for it."));
    }

    @Test
    void acceptsCodeFences() throws Exception {
        String json = answer().json();

        assertThat(AnswerValidator.validate("```json\n" + json + "\n```").summary())
                .isNotBlank();
        assertThat(AnswerValidator.validate("```\n" + json + "\n```").summary()).isNotBlank();
        assertThat(AnswerValidator.validate("Here it is:\n```json\n" + json + "\n```")
                        .summary())
                .isNotBlank();
    }

    @Test
    void trimsDedupesAndLimitsKeyTopics() throws Exception {
        Answer answer = AnswerValidator.validate(
                answer().topics(" hiking ", "Hiking", "", "  ", "Portland", "nursing", "marine biology", "cats", "tea")
                        .json());

        assertThat(answer.keyTopics()).containsExactly("hiking", "Portland", "nursing", "marine biology", "cats");
    }

    @Test
    void rejectsAnswersWhoseShapeIsWrong() {
        assertThat(problem("")).isEqualTo("the answer is empty");
        assertThat(problem("{\"summary\": ")).startsWith("the answer is not valid JSON");
        assertThat(problem("[]")).isEqualTo("the answer must be one JSON object");
        assertThat(problem(answer().json() + " trailing words")).startsWith("the answer is not valid JSON");
        assertThat(problem(answer().without("summary").json())).isEqualTo("required field summary is missing");
        assertThat(problem(answer().summary("   ").json())).isEqualTo("summary is empty");
        assertThat(problem(answer().summary("Too short to be a summary.").json()))
                .startsWith("summary is shorter than 40 characters");
        // a runaway answer: 200 KB of "summary" would end up in the bots' prompts
        assertThat(problem(answer().summary(AnalysisFixtures.VALID_SUMMARY.repeat(2_000))
                        .json()))
                .startsWith("summary is longer than 4000 characters");
        assertThat(problem(answer().set("summary", 42).json())).isEqualTo("summary must be a string");
        assertThat(problem(answer().topics().json())).isEqualTo("key_topics must hold 1-5 non-blank topics");
        assertThat(problem(answer().topics(" ", "").json())).isEqualTo("key_topics must hold 1-5 non-blank topics");
        assertThat(problem(answer().set("key_topics", List.of(1, 2)).json()))
                .isEqualTo("key_topics must be an array of strings");
        assertThat(problem(answer().set("key_topics", "hiking").json()))
                .isEqualTo("key_topics must be an array of strings");
        assertThat(problem(answer().tone("happy").json())).startsWith("emotional_tone must be one of");
        assertThat(problem(answer().confidence(1.2).json())).isEqualTo("confidence must be a number from 0 to 1");
        assertThat(problem(answer().set("confidence", "0.8").json()))
                .isEqualTo("confidence must be a number from 0 to 1");
        assertThat(problem(answer().set("facts", Map.of()).json())).isEqualTo("facts must be an array");
        assertThat(problem(answer().without("preferences").json())).isEqualTo("required field preferences is missing");
    }

    @Test
    void neverQuotesTheAnswerInAProblem() {
        assertThat(problem("The user secretly loves pineapple pizza")).doesNotContain("pineapple");
        assertThat(problem(answer().tone("pineapple").json())).doesNotContain("pineapple");
    }

    @Test
    void dropsInvalidPreferencesOneByOne() throws Exception {
        Answer answer = AnswerValidator.validate(answer().preference("preferred_name", "Mark", 0.95, true)
                .preference("favourite_colour", "blue", 0.9, true)
                .preference("timezone", " ", 0.9, true)
                .preference("language", "German", -0.1, true)
                .preference("response_length", "short", 0.8, false)
                .set("extra", "ignored")
                .json()
                .replace("\"is_explicit\":false", "\"is_explicit\":\"no\""));

        assertThat(answer.preferences()).extracting(NewPreference::value).containsExactly("Mark");
    }

    @Test
    void dropsFactsThatAreNotObjectsAndToleratesMissingReasoning() throws Exception {
        String json = answer().fact("Portland", "Location", "lives_in", 0.9)
                .json()
                .replace(
                        "\"facts\":[",
                        "\"facts\":[\"hiking\",{\"entity_name\":\"tea\",\"entity_type\":\"drink\","
                                + "\"relationship_type\":\"likes\",\"confidence\":0.8},");

        Answer answer = AnswerValidator.validate(json);

        assertThat(answer.facts())
                .containsExactly(
                        new NewFact("tea", "drink", "likes", 0.8, ""),
                        new NewFact("Portland", "location", "lives_in", 0.9, "The user said so."));
    }

    @Test
    void foldsDuplicateFactsIntoTheMostConfidentOne() throws Exception {
        Answer answer = AnswerValidator.validate(answer().fact("Portland", "location", "lives_in", 0.8)
                .fact("portland", "location", "lives_in", 0.95)
                .fact("Portland", "place", "visited", 0.7)
                .json());

        assertThat(answer.facts())
                .extracting(NewFact::entityName, NewFact::confidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("portland", 0.95),
                        org.assertj.core.groups.Tuple.tuple("Portland", 0.7));
    }

    private static String problem(String content) {
        return catchThrowableOfType(InvalidAnswerException.class, () -> AnswerValidator.validate(content))
                .getMessage();
    }
}
