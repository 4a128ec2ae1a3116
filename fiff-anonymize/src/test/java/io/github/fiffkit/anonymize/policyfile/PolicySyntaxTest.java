package io.github.fiffkit.anonymize.policyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken JSON is reported like every other policy mistake, as {@code file:line:column: message}, in words a
 * person editing the file understands, never in the parser's.
 */
class PolicySyntaxTest {
    @TempDir
    Path dir;

    /** The one problem of broken JSON: at this line and column, with these words and none of Jackson's. */
    private static PolicyProblem broken(String json, int line, int column, String words) {
        PolicyFileException e = assertThrows(PolicyFileException.class,
                () -> PolicyLoader.standard().parse(json, "p.json"));
        assertEquals(1, e.problems().size(), e::getMessage);
        PolicyProblem p = e.problems().get(0);
        assertEquals(line + ":" + column, p.line() + ":" + p.column(), p::toString);
        assertEquals("", p.field());
        assertTrue(p.message().contains(words), p::toString);
        for (String parserWords : List.of("Unexpected", "code ", "was expecting", "marker", "REDACTED", "Source:",
                "Feature", "token", "JSON String")) {
            assertFalse(p.message().contains(parserWords), () -> "the parser's words leak: " + p);
        }
        return p;
    }

    @Test
    void aTrailingCommaInAnObjectSaysACommaMustBeFollowedByAnotherMember() {
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\",}", 1, 39,
                "a comma must be followed by another member; remove the comma before this }");
        broken("""
                {
                  "fiffPolicy": 1,
                  "extends": "strict",
                }""", 4, 1, "a comma must be followed by another member");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"rules\": [{\"tag\": 1, \"action\": \"keep\",}]}", 1,
                78, "a comma must be followed by another member");
    }

    @Test
    void aTrailingCommaInAListSaysACommaMustBeFollowedByAnotherValue() {
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"rules\": [{\"tag\": 1, \"action\": \"keep\"},]}", 1,
                79, "a comma in a list must be followed by another value; remove the comma before this ]");
        broken("""
                {"fiffPolicy": 1, "extends": "strict", "rules": [
                  {"tag": 1, "action": "keep"},
                ]}""", 3, 1, "a comma in a list must be followed by another value");
    }

    @Test
    void aMissingCommaIsNamedAtTheMemberOrValueAfterIt() {
        broken("{\"fiffPolicy\": 1\n \"extends\": \"strict\"}", 2, 2,
                "a comma is missing between two members of an object");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"rules\": [{\"tag\": 1, \"action\": \"keep\"}"
                + " {\"tag\": 2, \"action\": \"keep\"}]}", 1, 79, "a comma is missing between two values of a list");
    }

    @Test
    void anUnclosedTextIsNamedWhereItStarts() {
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"name\": \"lab\n}", 1, 52,
                "a line break or another control character inside a text must be written with a backslash");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"name\": \"lab", 1, 48,
                "this text is never closed: its closing double quote \" is missing");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"na", 1, 43, "the file ends inside a text");
    }

    @Test
    void anUnclosedObjectOrListIsNamedWhereItOpens() {
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\"", 1, 1, "this object is never closed: a } is missing");
        broken("{\n  \"fiffPolicy\": 1, \"extends\": \"strict\",\n  \"rules\": [\n    {\"tag\": 1, \"action\": \"keep\"}\n}",
                5, 1, "this closes the list opened at line 3, column 12 with the wrong bracket: a list ends with ]");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\", \"rules\": [{\"tag\": 1, \"action\": \"keep\"}", 1, 49,
                "this list is never closed: a ] is missing");
    }

    @Test
    void anEmptyFileSaysWhatAPolicyFileIs() {
        broken("", 1, 1, "the file is empty; a policy file is a JSON object { ... }");
        broken("  \n\t\n", 1, 1, "the file is empty");
    }

    @Test
    void otherMistakesOfHandWrittenJsonEachHaveTheirWords() {
        broken("{\"fiffPolicy\": 1, extends: \"strict\"}", 1, 19, "a key must be written in double quotes, e.g."
                + " \"name\", not start with 'e'");
        broken("{\"fiffPolicy\": 1, 'extends': \"strict\"}", 1, 19, "a key must be written in double quotes");
        broken("{\"fiffPolicy\": 1, \"extends\" \"strict\"}", 1, 29, "a key must be followed by a colon and its value");
        broken("{\"fiffPolicy\": 1, \"extends\": }", 1, 30, "a key must be followed by its value after the colon");
        broken("{\"fiffPolicy\": 1, \"extends\": strict}", 1, 30, "unknown word 'strict': a value is text in double"
                + " quotes");
        broken("{\"fiffPolicy\": 1, \"options\": {\"brute\": True}}", 1, 40, "unknown word 'True'");
        broken("{\"fiffPolicy\": 1, // the version\n \"extends\": \"strict\"}", 1, 19, "JSON has no comments");
        broken("{\"fiffPolicy\": 01, \"extends\": \"strict\"}", 1, 17, "this is not a number as JSON writes them");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\"}}", 1, 39,
                "there is more text after the end of the policy's object");
        broken("{\"fiffPolicy\": 1, \"extends\": \"strict\"} {}", 1, 40,
                "there is more text after the end of the policy's object");
        broken("{\"fiffPolicy\": 1, \"name\": \"C:\\lab\", \"extends\": \"strict\"}", 1, 31,
                "a backslash inside a text starts an escape JSON does not know");
        broken("[".repeat(70), 1, 66, "nested more than 64 deep");
    }

    @Test
    void aSyntaxErrorReadsLikeEveryOtherPolicyMistake() throws Exception {
        Path f = dir.resolve("lab.json");
        Files.writeString(f, "{\n  \"fiffPolicy\": 1,\n  \"extends\": \"strict\",\n}\n");
        PolicyFileException e = assertThrows(PolicyFileException.class, () -> PolicyFiles.load(f));
        assertEquals("the policy file " + f + " has 1 problem:" + System.lineSeparator() + "  " + f
                + ":4:1: a comma must be followed by another member; remove the comma before this }", e.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeThePolicyIsSkipped() throws Exception {
        Path f = dir.resolve("notepad.json");
        Files.write(f, "\uFEFF{\"fiffPolicy\": 1, \"extends\": \"strict\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("notepad", PolicyFiles.load(f).name());
    }
}
