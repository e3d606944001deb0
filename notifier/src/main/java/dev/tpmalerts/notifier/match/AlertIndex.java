package dev.tpmalerts.notifier.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertMatcher;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.PostingMatched;

/**
 * The live alerts as a reverse index of ints: every alert is compiled to term ids ({@link CompiledAlerts}) and
 * filed under the terms of the one criterion the fewest postings are expected to meet (a city or a rare keyword
 * rather than the role); a posting becomes the set of term ids it holds ({@link PostingTerms}); each alert found
 * under one of them is checked with int look-ups, and keyword phrases against the posting's words in order. The
 * checks say exactly what {@link AlertCriteria#matches} says (a test compares both on thousands of generated
 * alerts and postings); alerts the index cannot file (no term criterion at all, or criteria never validated) are
 * checked with {@link AlertCriteria#matches} itself on every posting.
 * <p>
 * Why not lucene-monitor ({@link MonitorAlertMatcher}), which does the same with Lucene queries: each candidate
 * there costs a stored-field read (LZ4 decompression of its id) and a Lucene query over a one-document index,
 * 100–300 µs. With a million realistic alerts a posting has thousands of candidates, so the monitor matched tens of
 * postings a second where the goal is 1,000, took 52 s and 274 MB of heap for 100,000 alerts, and none of its
 * options changes the cost per candidate by the factor of a hundred needed. Here a candidate costs a few array
 * reads (tens of nanoseconds), and an alert about 200 bytes: {@code ./tpm-alerts bench alerts} prints the figures
 * of both.
 * <p>
 * Safe for matching on several threads while another one changes the alerts (a read-write lock).
 */
public class AlertIndex implements AlertMatcher {

	private static final Logger logger = LoggerFactory.getLogger(AlertIndex.class);

	private static final int REFILE_EVERY = 100_000;

	private static final int ENTRY = 4;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Vocabulary vocabulary = new Vocabulary();

	/** Each slot's compiled alert, null when the slot is free. */
	private int[][] alerts = new int[1024][];

	/** Each slot's alert id and account id: most and least significant bits, four longs a slot. */
	private long[] ids = new long[4 * 1024];

	private int slots;

	private int[] free = new int[64];

	private int freeCount;

	private final SlotsById byId = new SlotsById();

	/**
	 * By term id, the alerts filed under it, {@value #ENTRY} ints each: the slot, two more terms the alert needs
	 * (or -1) and its minimum score, checked against the posting's bit set and score before the alert's own array
	 * is read: most candidates fail there, without a cache miss. Only the first {@code listSizes[term]} entries are
	 * used.
	 */
	private int[][] lists = new int[256][];

	private int[] listSizes = new int[256];

	/** Alerts checked on every posting with {@link AlertCriteria#matches}. */
	private final Map<UUID, SavedAlert> unconditional = new LinkedHashMap<>();

	@Override
	public List<SavedAlert> matching(PostingMatched matched) {
		return match(matched).alerts();
	}

	/**
	 * The alerts a posting matches, how many the index had to check to find them, and how many of those passed the
	 * checks kept in its lists and were read in full.
	 */
	public record Matches(List<SavedAlert> alerts, int candidates, int read) {

	}

	/** {@link #matching}, with the number of candidates the index checked. */
	public Matches match(PostingMatched matched) {
		if (matched.expired() || matched.posting() == null) {
			return new Matches(List.of(), 0, 0);
		}
		Matches matches;
		long seen;
		this.lock.readLock().lock();
		try {
			PostingTerms posting = new PostingTerms(matched, this.vocabulary);
			seen = this.vocabulary.saw(posting);
			matches = match(matched, posting);
		}
		finally {
			this.lock.readLock().unlock();
		}
		if (seen == Vocabulary.LEARNED || seen == 10 * Vocabulary.LEARNED || seen % REFILE_EVERY == 0) {
			refile();
		}
		return matches;
	}

	private Matches match(PostingMatched matched, PostingTerms posting) {
		List<SavedAlert> found = new ArrayList<>();
		int candidates = 0;
		int read = 0;
		for (int i = 0; i < posting.presentCount(); i++) {
			int term = posting.present(i);
			if (term >= this.lists.length || this.lists[term] == null) {
				continue;
			}
			int[] list = this.lists[term];
			int size = this.listSizes[term];
			candidates += size;
			for (int k = 0, end = ENTRY * size; k < end; k += ENTRY) {
				int first = list[k + 1];
				int second = list[k + 2];
				if ((first >= 0 && !posting.has(first)) || (second >= 0 && !posting.has(second))
						|| posting.score < list[k + 3]) {
					continue;
				}
				int slot = list[k];
				int[] alert = this.alerts[slot];
				read++;
				if (CompiledAlerts.matches(alert, posting, term, this.vocabulary)) {
					found.add(saved(slot));
				}
			}
		}
		for (SavedAlert alert : this.unconditional.values()) {
			if (safelyMatches(alert, matched)) {
				found.add(alert);
			}
		}
		return new Matches(found, candidates + this.unconditional.size(), read + this.unconditional.size());
	}

	/**
	 * Files every alert again under the criterion the fewest postings met so far (the shares counted instead of
	 * guessed). Runs after the first thousand postings, the first ten thousand, then every hundred thousand; a
	 * million alerts take a fraction of a second, during which matching waits.
	 */
	void refile() {
		this.lock.writeLock().lock();
		try {
			long started = System.nanoTime();
			Arrays.fill(this.listSizes, 0);
			for (int slot = 0; slot < this.slots; slot++) {
				int[] alert = this.alerts[slot];
				if (alert != null) {
					CompiledAlerts.order(alert, this.vocabulary);
					for (int term : CompiledAlerts.indexTerms(alert)) {
						file(term, slot, alert);
					}
				}
			}
			logger.info("Filed {} alerts again under the criteria fewest postings meet, in {} ms", this.byId.size(),
					(System.nanoTime() - started) / 1_000_000);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private static boolean safelyMatches(SavedAlert alert, PostingMatched matched) {
		try {
			return alert.criteria().matches(matched);
		}
		catch (RuntimeException ex) {
			// Criteria are validated before they are saved; one that is not must not stop the others.
			logger.error("Alert {} has criteria that cannot be checked and is left out of matching: {}", alert.id(),
					ex.toString());
			return false;
		}
	}

	/** Adds or replaces one alert. */
	public void put(SavedAlert alert) {
		putAll(List.of(alert));
	}

	/** Adds or replaces alerts. */
	public void putAll(Collection<SavedAlert> alerts) {
		this.lock.writeLock().lock();
		try {
			for (SavedAlert alert : alerts) {
				removeLocked(alert.id());
				Optional<int[]> compiled = CompiledAlerts.compile(alert.criteria(), alert.frequency(), this.vocabulary);
				if (compiled.isPresent() && alert.accountId() != null) {
					add(alert, compiled.get());
				}
				else {
					this.unconditional.put(alert.id(), alert);
				}
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** Takes an alert out of matching; nothing happens when it is not there. */
	public void remove(UUID alertId) {
		this.lock.writeLock().lock();
		try {
			removeLocked(alertId);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** The alert as the index holds it (equal to the one put). */
	public Optional<SavedAlert> find(UUID alertId) {
		this.lock.readLock().lock();
		try {
			int slot = this.byId.get(alertId.getMostSignificantBits(), alertId.getLeastSignificantBits());
			return (slot >= 0) ? Optional.of(saved(slot)) : Optional.ofNullable(this.unconditional.get(alertId));
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** The ids of every alert in the index. */
	public Set<UUID> ids() {
		this.lock.readLock().lock();
		try {
			Set<UUID> all = new HashSet<>(this.unconditional.keySet());
			for (int slot = 0; slot < this.slots; slot++) {
				if (this.alerts[slot] != null) {
					all.add(new UUID(this.ids[4 * slot], this.ids[4 * slot + 1]));
				}
			}
			return all;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	public int size() {
		this.lock.readLock().lock();
		try {
			return this.byId.size() + this.unconditional.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** How many alerts have no term criterion (or criteria the index cannot file) and are tried on every posting. */
	public int unconditionalCount() {
		this.lock.readLock().lock();
		try {
			return this.unconditional.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private SavedAlert saved(int slot) {
		int[] alert = this.alerts[slot];
		int at = 4 * slot;
		return new SavedAlert(new UUID(this.ids[at], this.ids[at + 1]), new UUID(this.ids[at + 2], this.ids[at + 3]),
				CompiledAlerts.criteria(alert, this.vocabulary), CompiledAlerts.frequency(alert));
	}

	private void add(SavedAlert saved, int[] alert) {
		int slot;
		if (this.freeCount > 0) {
			slot = this.free[--this.freeCount];
		}
		else {
			if (this.slots == this.alerts.length) {
				this.alerts = Arrays.copyOf(this.alerts, this.slots * 2);
				this.ids = Arrays.copyOf(this.ids, 4 * this.slots * 2);
			}
			slot = this.slots++;
		}
		this.alerts[slot] = alert;
		int at = 4 * slot;
		this.ids[at] = saved.id().getMostSignificantBits();
		this.ids[at + 1] = saved.id().getLeastSignificantBits();
		this.ids[at + 2] = saved.accountId().getMostSignificantBits();
		this.ids[at + 3] = saved.accountId().getLeastSignificantBits();
		this.byId.put(this.ids[at], this.ids[at + 1], slot);
		for (int term : CompiledAlerts.indexTerms(alert)) {
			file(term, slot, alert);
		}
	}

	private void removeLocked(UUID alertId) {
		this.unconditional.remove(alertId);
		int slot = this.byId.remove(alertId.getMostSignificantBits(), alertId.getLeastSignificantBits());
		if (slot < 0) {
			return;
		}
		for (int term : CompiledAlerts.indexTerms(this.alerts[slot])) {
			unfile(term, slot);
		}
		this.alerts[slot] = null;
		if (this.freeCount == this.free.length) {
			this.free = Arrays.copyOf(this.free, this.freeCount * 2);
		}
		this.free[this.freeCount++] = slot;
	}

	private void file(int term, int slot, int[] alert) {
		if (term >= this.lists.length) {
			int length = Math.max(term + 1, this.lists.length * 2);
			this.lists = Arrays.copyOf(this.lists, length);
			this.listSizes = Arrays.copyOf(this.listSizes, length);
		}
		int[] list = this.lists[term];
		int size = this.listSizes[term];
		if (list == null) {
			list = new int[ENTRY * 4];
		}
		else if (ENTRY * size == list.length) {
			list = Arrays.copyOf(list, ENTRY * (size + (size >> 1) + 1));
		}
		int at = ENTRY * size;
		list[at] = slot;
		CompiledAlerts.checks(alert, list, at + 1);
		list[at + 3] = alert[0];
		this.lists[term] = list;
		this.listSizes[term] = size + 1;
	}

	private void unfile(int term, int slot) {
		int[] list = this.lists[term];
		int last = this.listSizes[term] - 1;
		for (int k = last; k >= 0; k--) {
			if (list[ENTRY * k] == slot) {
				System.arraycopy(list, ENTRY * last, list, ENTRY * k, ENTRY);
				this.listSizes[term] = last;
				return;
			}
		}
	}

	/**
	 * Alert id to slot, open addressing over the ids the index already keeps (no UUID or Integer object per alert).
	 */
	private final class SlotsById {

		private static final int EMPTY = 0;

		private static final int DELETED = -1;

		/** slot + 1, or EMPTY or DELETED. */
		private int[] table = new int[2048];

		private int size;

		private int used;

		int size() {
			return this.size;
		}

		int get(long most, long least) {
			int mask = this.table.length - 1;
			for (int i = hash(most, least) & mask;; i = (i + 1) & mask) {
				int entry = this.table[i];
				if (entry == EMPTY) {
					return -1;
				}
				if (entry != DELETED && is(entry - 1, most, least)) {
					return entry - 1;
				}
			}
		}

		/** Call only for an id that is not in the table. */
		void put(long most, long least, int slot) {
			if ((this.used + 1) * 3L > this.table.length * 2L) {
				rehash((this.size + 1) * 3L > this.table.length ? this.table.length * 2 : this.table.length);
			}
			int mask = this.table.length - 1;
			int i = hash(most, least) & mask;
			while (this.table[i] != EMPTY && this.table[i] != DELETED) {
				i = (i + 1) & mask;
			}
			if (this.table[i] == EMPTY) {
				this.used++;
			}
			this.table[i] = slot + 1;
			this.size++;
		}

		int remove(long most, long least) {
			int mask = this.table.length - 1;
			for (int i = hash(most, least) & mask;; i = (i + 1) & mask) {
				int entry = this.table[i];
				if (entry == EMPTY) {
					return -1;
				}
				if (entry != DELETED && is(entry - 1, most, least)) {
					this.table[i] = DELETED;
					this.size--;
					return entry - 1;
				}
			}
		}

		private boolean is(int slot, long most, long least) {
			return AlertIndex.this.ids[4 * slot] == most && AlertIndex.this.ids[4 * slot + 1] == least;
		}

		private void rehash(int capacity) {
			int[] old = this.table;
			this.table = new int[capacity];
			this.used = 0;
			this.size = 0;
			for (int entry : old) {
				if (entry != EMPTY && entry != DELETED) {
					int slot = entry - 1;
					put(AlertIndex.this.ids[4 * slot], AlertIndex.this.ids[4 * slot + 1], slot);
				}
			}
		}

		private static int hash(long most, long least) {
			long h = (most ^ (least * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL;
			return (int) (h ^ (h >>> 32));
		}

	}

}
