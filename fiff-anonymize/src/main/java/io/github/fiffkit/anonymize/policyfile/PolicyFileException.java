package io.github.fiffkit.anonymize.policyfile;

import io.github.fiffkit.anonymize.policy.PolicyException;
import java.util.List;

/**
 * A JSON policy file cannot be used: it lists every problem found, each with its line, column and field. It is
 * a {@link PolicyException}; the application reports it as a usage error (status 1), since no file was touched.
 */
public class PolicyFileException extends PolicyException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    /**
     * @param source   the policy file
     * @param problems every problem found (at least one)
     */
    public PolicyFileException(String source, List<PolicyProblem> problems) {
        super(summary(source, problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(String source, List<PolicyProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append("the policy file ").append(source).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (PolicyProblem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }

    /** @return every problem, in the order of the file */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
