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
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.PostingMatched;

/**
 * The live alerts as a reverse index of ints: every alert is compiled to term ids ({@link CompiledAlerts}) and
 * filed under the terms of the one criterion the fewest postings meet (a city or a rare keyword rather than the
 * role; guessed by kind of term at first, then counted on the postings seen, see {@link #refile}); a posting becomes
 * the set of term ids it holds ({@link PostingTerms}); each alert filed under one of them is checked first against
 * two more of its terms and its minimum score kept in the list, then with int look-ups in its record, keyword
 * phrases against the posting's words in order. The checks say exactly what {@link AlertCriteria#matches} says
 * (tests compare both on thousands of generated alerts and postings); alerts the index cannot file (no term
 * criterion at all, or criteria never validated) are checked with {@link AlertCriteria#matches} itself on every
 * posting.
 * <p>
 * Why not lucene-monitor ({@link MonitorAlertMatcher}), which does the same with Lucene queries: every candidate
 * there costs a doc-values read (LZ4 decompression of its id) and a Lucene query run over a one-document index.
 * Measured by {@code ./tpm-alerts bench alerts} on 20,000 realistic alerts: about 200 candidates and 5 ms a posting
 * (~200 postings/s), tens of microseconds a candidate. A million such alerts give some 12,000 candidates a posting,
 * so 1,000 postings/s leaves under 100 ns a candidate: no option of the monitor (passes, weights, batching) comes
 * near, while here a candidate that fails the list checks costs a few nanoseconds and one read in full a single
 * cache miss. With a million alerts: ~1,200–1,800 postings/s on one thread of a loaded 2-core machine, 200 MB of
 * heap (about 200 bytes an alert), built in 6–11 s.
 * <p>
 * Memory: the records of all alerts sit one after the other in chunks of 4 MB (no object per alert, strings stored
 * once in the {@link Vocabulary}); a removed alert's record is left behind until a third of the space is such, then
 * the live ones are copied together. Safe for matching on several threads while another one changes the alerts (a
 * read-write lock).
 */
public class AlertIndex implements KeptAlerts {

	private static final Logger logger = LoggerFactory.getLogger(AlertIndex.class);

	private static final int REFILE_EVERY = 100_000;

	private static final int ENTRY = 4;

	/** Records live in chunks of 2^20 ints (4 MB); an offset is the chunk number, then the place in it. */
	private static final int CHUNK_BITS = 20;

	private static final int CHUNK = 1 << CHUNK_BITS;

	private static final int IN_CHUNK = CHUNK - 1;


	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/** The space left by removed alerts, in ints, past which the records are copied together again. */
	private final int compactAfter;

	private final Vocabulary vocabulary = new Vocabulary();

	/** The alerts' records ({@link CompiledAlerts}), one after the other. */
	private int[][] chunks = new int[1][CHUNK];

	/** Where the next record goes. */
	private int end;

	/** Ints in the chunks that belong to removed alerts. */
	private long wasted;

	private int compactions;

	/** Each slot's record offset, -1 when the slot is free. A slot is the alert's number in the id table. */
	private int[] offsets = new int[1024];

	private int slots;

	private int[] free = new int[64];

	private int freeCount;

	private final SlotsById byId = new SlotsById();

	/**
	 * By term id, the alerts filed under it, {@value #ENTRY} ints each: the record's offset, two more terms the
	 * alert needs (or -1) and its minimum score, checked against the posting's bit set and score before the record
	 * is read: most candidates fail there, without a cache miss. Only the first {@code listSizes[term]} entries are
	 * used.
	 */
	private int[][] lists = new int[256][];

	private int[] listSizes = new int[256];

	/** Alerts checked on every posting with {@link AlertCriteria#matches}. */
	private final Map<UUID, SavedAlert> unconditional = new LinkedHashMap<>();

	public AlertIndex() {
		this(CHUNK);
	}

	/** @param compactAfter ints left by removed alerts before the records are copied together (and a third of all) */
	AlertIndex(int compactAfter) {
		this.compactAfter = compactAfter;
	}

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

	/**
	 * In two passes: the first runs through the lists and keeps the candidates that pass the checks there, reading
	 * the first int of each one's record on the way; those reads do not depend on one another, so the processor
	 * fetches many records from memory at once instead of waiting for each in turn, and the second pass, which
	 * checks the records, finds them in its cache. (Reading a record was most of the time a posting took.)
	 */
	private Matches match(PostingMatched matched, PostingTerms posting) {
		int candidates = 0;
		int[][] chunks = this.chunks;
		int[] passed = new int[256];
		int count = 0;
		int touched = 0;
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
				int offset = list[k];
				if (count + 2 > passed.length) {
					passed = Arrays.copyOf(passed, passed.length * 2);
				}
				passed[count++] = offset;
				passed[count++] = term;
				touched += chunks[offset >>> CHUNK_BITS][offset & IN_CHUNK];
			}
		}
		List<SavedAlert> found = new ArrayList<>();
		for (int i = 0; i < count; i += 2) {
			int offset = passed[i];
			int[] chunk = chunks[offset >>> CHUNK_BITS];
			int base = offset & IN_CHUNK;
			if (CompiledAlerts.matches(chunk, base, posting, passed[i + 1], this.vocabulary)) {
				found.add(CompiledAlerts.saved(chunk, base, this.vocabulary));
			}
		}
		for (SavedAlert alert : this.unconditional.values()) {
			if (safelyMatches(alert, matched)) {
				found.add(alert);
			}
		}
		// touched is a sum of record lengths, never negative: the test keeps the reads from being dropped.
		int read = (touched >= 0) ? count / 2 : -1;
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
			refileLocked(true);
			logger.info("Filed {} alerts again under the criteria fewest postings meet, in {} ms", this.byId.size(),
					(System.nanoTime() - started) / 1_000_000);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private void refileLocked(boolean reorder) {
		Arrays.fill(this.listSizes, 0);
		for (int slot = 0; slot < this.slots; slot++) {
			int offset = this.offsets[slot];
			if (offset >= 0) {
				if (reorder) {
					CompiledAlerts.order(this.chunks[offset >>> CHUNK_BITS], offset & IN_CHUNK, this.vocabulary);
				}
				fileAll(offset);
			}
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
				Optional<int[]> compiled = CompiledAlerts.compile(alert, this.vocabulary);
				if (compiled.isPresent() && compiled.get().length <= CHUNK) {
					add(compiled.get());
				}
				else {
					this.unconditional.put(alert.id(), alert);
				}
			}
			compactIfWasteful();
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
			compactIfWasteful();
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
			if (slot < 0) {
				return Optional.ofNullable(this.unconditional.get(alertId));
			}
			int offset = this.offsets[slot];
			return Optional.of(CompiledAlerts.saved(this.chunks[offset >>> CHUNK_BITS], offset & IN_CHUNK, this.vocabulary));
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
				int offset = this.offsets[slot];
				if (offset >= 0) {
					all.add(CompiledAlerts.id(this.chunks[offset >>> CHUNK_BITS], offset & IN_CHUNK));
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

	/** How many times the records were copied together. */
	int compactions() {
		this.lock.readLock().lock();
		try {
			return this.compactions;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void add(int[] record) {
		int slot;
		if (this.freeCount > 0) {
			slot = this.free[--this.freeCount];
		}
		else {
			if (this.slots == this.offsets.length) {
				this.offsets = Arrays.copyOf(this.offsets, this.slots * 2);
			}
			slot = this.slots++;
		}
		int offset = append(record, 0, record.length);
		this.offsets[slot] = offset;
		int[] chunk = this.chunks[offset >>> CHUNK_BITS];
		int base = offset & IN_CHUNK;
		this.byId.put(CompiledAlerts.longs(chunk, base)[0], CompiledAlerts.longs(chunk, base)[1], slot);
		fileAll(offset);
	}

	/** Copies a record to the end of the chunks; returns its offset. */
	private int append(int[] from, int at, int length) {
		int chunk = this.end >>> CHUNK_BITS;
		int in = this.end & IN_CHUNK;
		if (in + length > CHUNK) {
			chunk++;
			in = 0;
		}
		if (chunk == this.chunks.length) {
			this.chunks = Arrays.copyOf(this.chunks, chunk + 1);
		}
		if (this.chunks[chunk] == null) {
			this.chunks[chunk] = new int[CHUNK];
		}
		System.arraycopy(from, at, this.chunks[chunk], in, length);
		int offset = (chunk << CHUNK_BITS) | in;
		this.end = offset + length;
		return offset;
	}

	private void fileAll(int offset) {
		int[] chunk = this.chunks[offset >>> CHUNK_BITS];
		int base = offset & IN_CHUNK;
		for (int term : CompiledAlerts.indexTerms(chunk, base)) {
			file(term, offset, chunk, base);
		}
	}

	private void removeLocked(UUID alertId) {
		this.unconditional.remove(alertId);
		int slot = this.byId.remove(alertId.getMostSignificantBits(), alertId.getLeastSignificantBits());
		if (slot < 0) {
			return;
		}
		int offset = this.offsets[slot];
		int[] chunk = this.chunks[offset >>> CHUNK_BITS];
		int base = offset & IN_CHUNK;
		for (int term : CompiledAlerts.indexTerms(chunk, base)) {
			unfile(term, offset);
		}
		this.wasted += chunk[base + CompiledAlerts.LENGTH];
		this.offsets[slot] = -1;
		if (this.freeCount == this.free.length) {
			this.free = Arrays.copyOf(this.free, this.freeCount * 2);
		}
		this.free[this.freeCount++] = slot;
	}

	/** Copies the live records together when removed ones leave more than a third of the space unused. */
	private void compactIfWasteful() {
		if (this.wasted < this.compactAfter || this.wasted * 3 < this.end) {
			return;
		}
		this.compactions++;
		int[][] old = this.chunks;
		this.chunks = new int[1][CHUNK];
		this.end = 0;
		this.wasted = 0;
		for (int slot = 0; slot < this.slots; slot++) {
			int offset = this.offsets[slot];
			if (offset >= 0) {
				int[] chunk = old[offset >>> CHUNK_BITS];
				int base = offset & IN_CHUNK;
				this.offsets[slot] = append(chunk, base, chunk[base + CompiledAlerts.LENGTH]);
			}
		}
		refileLocked(false);
	}

	private void file(int term, int offset, int[] chunk, int base) {
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
		list[at] = offset;
		CompiledAlerts.checks(chunk, base, list, at + 1);
		list[at + 3] = chunk[base + CompiledAlerts.SCORE];
		this.lists[term] = list;
		this.listSizes[term] = size + 1;
	}

	private void unfile(int term, int offset) {
		int[] list = this.lists[term];
		int last = this.listSizes[term] - 1;
		for (int k = last; k >= 0; k--) {
			if (list[ENTRY * k] == offset) {
				System.arraycopy(list, ENTRY * last, list, ENTRY * k, ENTRY);
				this.listSizes[term] = last;
				return;
			}
		}
	}

	/**
	 * Alert id to slot, open addressing over the ids the records already keep (no UUID or Integer object per
	 * alert).
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
				rehash(((this.size + 1) * 3L > this.table.length) ? this.table.length * 2 : this.table.length);
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
			int offset = AlertIndex.this.offsets[slot];
			return CompiledAlerts.hasId(AlertIndex.this.chunks[offset >>> CHUNK_BITS], offset & IN_CHUNK, most, least);
		}

		private void rehash(int capacity) {
			int[] old = this.table;
			this.table = new int[capacity];
			this.used = 0;
			this.size = 0;
			for (int entry : old) {
				if (entry != EMPTY && entry != DELETED) {
					int slot = entry - 1;
					int offset = AlertIndex.this.offsets[slot];
					long[] id = CompiledAlerts.longs(AlertIndex.this.chunks[offset >>> CHUNK_BITS], offset & IN_CHUNK);
					put(id[0], id[1], slot);
				}
			}
		}

		private static int hash(long most, long least) {
			long h = (most ^ (least * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL;
			return (int) (h ^ (h >>> 32));
		}

	}

}
