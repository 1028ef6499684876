package dev.khabar.article;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its wire name, so that SQL and JSON read alike. */
@Converter(autoApply = true)
public class ArticleStatusConverter implements AttributeConverter<ArticleStatus, String> {
    @Override
    public String convertToDatabaseColumn(ArticleStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public ArticleStatus convertToEntityAttribute(String value) {
        return value == null ? null : ArticleStatus.fromWire(value).orElseThrow();
    }
}
