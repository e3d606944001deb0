package dev.tpmalerts.notifier;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the notifier talks to people.
 *
 * @param baseUrl the public URL of this application, used in the links of every email
 * @param mailFrom the From address of every email
 * @param privacyPolicyVersion the Privacy Policy version a new consent refers to
 * @param termsVersion the Terms of Service version a new consent refers to
 * @param confirmTokenTtl how long a confirmation link works
 * @param linkTokenTtl how long the unsubscribe and manage links of an alert email work
 */
@ConfigurationProperties("tpm.notifier")
public record NotifierProperties(@DefaultValue("http://localhost:8083") String baseUrl,
		@DefaultValue("TPM Alerts <alerts@tpm-alerts.local>") String mailFrom,
		@DefaultValue("2026-11") String privacyPolicyVersion, @DefaultValue("2026-11") String termsVersion,
		@DefaultValue("48h") Duration confirmTokenTtl, @DefaultValue("60d") Duration linkTokenTtl) {

}
