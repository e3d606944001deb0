package dev.tpmalerts.matcher.consume;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class PostingEventsListenerTest {

	@Test
	void shouldKeepOnlyEachPostingsLastEventOfABatchInTheOrderOfTheLastEvents() {
		Posting first = MatcherIT.posting("Technical Program Manager", "Run the platform program.");
		Posting second = MatcherIT.posting("Program Manager", "Run the partner program.");
		PostingEvent firstScraped = PostingScraped.of(first);
		PostingEvent secondScraped = PostingScraped.of(second);
		PostingEvent firstExpired = PostingExpired.of(first.id(), "gone", Instant.parse("2026-11-26T12:00:00Z"));

		List<PostingEvent> latest = List.copyOf(PostingEventsListener
			.latestOfEachPosting(List.of(record(0, firstScraped), record(1, secondScraped), record(2, firstExpired))));

		// The expiry supersedes the scrape before it: indexing the scrape after it would bring the posting back.
		assertThat(latest).containsExactly(secondScraped, firstExpired);
	}

	private static ConsumerRecord<String, PostingEvent> record(long offset, PostingEvent event) {
		return new ConsumerRecord<>(Topics.POSTINGS, 0, offset, event.postingId(), event);
	}

}
