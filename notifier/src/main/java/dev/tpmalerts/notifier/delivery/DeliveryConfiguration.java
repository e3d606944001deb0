package dev.tpmalerts.notifier.delivery;

import org.thymeleaf.ITemplateEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The mail templates and the scheduler of digests and retries. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeliveryConfiguration {

	@Bean
	ITemplateEngine mailTemplateEngine() {
		return MailTemplates.engine();
	}

	@Bean
	DigestComposer digestComposer(ITemplateEngine mailTemplateEngine, DeliveryProperties properties) {
		return new DigestComposer(mailTemplateEngine, properties.digestSize());
	}

	@Bean
	InstantAlertComposer instantAlertComposer(ITemplateEngine mailTemplateEngine) {
		return new InstantAlertComposer(mailTemplateEngine);
	}

}
