/**
 * The alert index: every live alert as a Lucene query in a lucene-monitor reverse index, fed by the compacted
 * topic of alert definitions, so that a posting is checked against a million alerts without reading them all.
 */
package dev.tpmalerts.notifier.match;
