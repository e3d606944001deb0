/**
 * The alert index: every live alert compiled to term ids in a reverse index of ints, fed by the compacted
 * topic of alert definitions, so that a posting is checked against a million alerts without reading them all.
 */
package dev.tpmalerts.notifier.match;
