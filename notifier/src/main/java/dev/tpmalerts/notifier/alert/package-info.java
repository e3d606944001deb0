/** Saved alert criteria and how a matched posting is checked against them. */
package dev.tpmalerts.notifier.alert;
