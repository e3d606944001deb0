package dev.tpmalerts.cli;

import dev.tpmalerts.cli.ScoredPosting.Facets;
import dev.tpmalerts.cli.ScoredPosting.Pay;

/** One line of an eval set's {@code labels.jsonl}: what a careful reader finds in the posting (eval/GUIDELINES.md). */
record Label(String id, String role, String seniority, Facets facets, String workplace, Pay salary) {

}
