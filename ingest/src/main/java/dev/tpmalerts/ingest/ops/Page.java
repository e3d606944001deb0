package dev.tpmalerts.ingest.ops;

import java.util.List;

/** One page of a listing, newest first; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

	public long pages() {
		return (this.total + this.size - 1) / this.size;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
