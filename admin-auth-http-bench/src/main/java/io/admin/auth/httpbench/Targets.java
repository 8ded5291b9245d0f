package io.admin.auth.httpbench;

import java.util.List;

/** The requirement's targets, each judged on the medians of one run. */
final class Targets {

    /**
     * One target.
     *
     * @param target what is required
     * @param measured what the run measured
     * @param met whether the target is met
     */
    record Line(String target, String measured, boolean met) {}

    private Targets() {}

    /** {@code contender}'s median ratio to the baseline in {@code scenario} is at least {@code min}. */
    static Line atLeast(Report report, String contender, String scenario, double min) {
        double median = report.medianRatio(contender, scenario);
        return new Line(contender + ", " + scenario + ": ≥ " + Report.fmt(min) + "× " + report.baseline(),
                Report.fmt(median) + "×", median >= min);
    }

    /** {@code contender}'s median throughput ratio in {@code scenario} is above {@code other}'s. */
    static Line ahead(Report report, String contender, String other, String scenario) {
        double mine = report.medianRatio(contender, scenario);
        double theirs = report.medianRatio(other, scenario);
        return new Line(contender + " ahead of " + other + ", " + scenario,
                Report.fmt(mine) + " vs " + Report.fmt(theirs) + " (" + Report.fmt(mine / theirs) + "×)",
                mine > theirs);
    }

    /** The targets as a Markdown table. */
    static String markdown(List<Line> lines) {
        StringBuilder sb = new StringBuilder("## Targets\n\n| target | measured (medians) | |\n|---|---|---|\n");
        for (Line l : lines) {
            sb.append("| ").append(l.target()).append(" | ").append(l.measured()).append(" | ")
                    .append(l.met() ? "**met**" : "**missed**").append(" |\n");
        }
        return sb.toString();
    }
}
