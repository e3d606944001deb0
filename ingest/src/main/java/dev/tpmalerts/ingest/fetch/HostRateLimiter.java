package dev.tpmalerts.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time to each host, each starting at least its interval after the previous one to that host
 * ended (and not before a Retry-After the host asked for). Waiting threads sleep on a condition; none spins.
 */
final class HostRateLimiter {

	private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

	/** A request in flight; closing it ends the request and starts the host's interval. */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

	/** Waits until a request to {@code host} may start, then holds the host until the permit is closed. */
	Permit acquire(String host, Duration interval) throws InterruptedException {
		Host state = state(host);
		long intervalNanos = Math.max(0, interval.toNanos());
		state.lock.lockInterruptibly();
		try {
			while (true) {
				if (state.busy) {
					state.changed.await();
					continue;
				}
				long wait = state.waitNanos(intervalNanos, System.nanoTime());
				if (wait <= 0) {
					break;
				}
				state.changed.awaitNanos(wait);
			}
			state.busy = true;
		}
		finally {
			state.lock.unlock();
		}
		return () -> release(state);
	}

	/** No request to {@code host} starts before {@code wait} from now (a Retry-After). */
	void pause(String host, Duration wait) {
		Host state = state(host);
		state.lock.lock();
		try {
			long until = System.nanoTime() + Math.max(0, wait.toNanos());
			if (!state.paused || until - state.notBefore > 0) {
				state.notBefore = until;
				state.paused = true;
			}
			state.changed.signalAll();
		}
		finally {
			state.lock.unlock();
		}
	}

	private void release(Host state) {
		state.lock.lock();
		try {
			state.busy = false;
			state.lastEnd = System.nanoTime();
			state.ended = true;
			state.changed.signalAll();
		}
		finally {
			state.lock.unlock();
		}
	}

	private Host state(String host) {
		return this.hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), (key) -> new Host());
	}

	private static final class Host {

		private final ReentrantLock lock = new ReentrantLock();

		private final Condition changed = this.lock.newCondition();

		private boolean busy;

		// System.nanoTime values, compared by difference as its Javadoc asks
		private boolean ended;

		private long lastEnd;

		private boolean paused;

		private long notBefore;

		long waitNanos(long intervalNanos, long now) {
			long wait = 0;
			if (this.ended) {
				wait = Math.max(wait, (this.lastEnd + intervalNanos) - now);
			}
			if (this.paused) {
				wait = Math.max(wait, this.notBefore - now);
			}
			return wait;
		}

	}

}
