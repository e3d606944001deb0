/** HTTP: the subscription API and the pages behind the links of every email. */
package dev.tpmalerts.notifier.web;
