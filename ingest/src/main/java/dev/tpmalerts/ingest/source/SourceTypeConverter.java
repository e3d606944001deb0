package dev.tpmalerts.ingest.source;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds "json-ld-page" and friends in application.yml to {@link SourceType}. */
@Component
@ConfigurationPropertiesBinding
class SourceTypeConverter implements Converter<String, SourceType> {

	@Override
	public SourceType convert(String source) {
		return SourceType.fromConfigName(source);
	}

}
