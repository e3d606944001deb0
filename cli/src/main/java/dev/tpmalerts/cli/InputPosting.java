package dev.tpmalerts.cli;

/** One line of {@code score}'s input: a posting as a person or another tool hands it over. */
record InputPosting(String id, String title, String company, String location, String description) {

}
