package dev.khabar.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.khabar.article.Audience;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Tags: found or created by slug, race-free, and counted per audience. */
@ApplicationScoped
public class TagRepository implements PanacheRepository<Tag> {

    /**
     * The tags with these slugs (map order kept), creating those that do not exist with the names given. New tags are
     * inserted in slug order, so that two writers adding the same new tags cannot deadlock each other.
     */
    public List<Tag> findOrCreateAll(Map<String, String> namesBySlug) {
        if (namesBySlug.isEmpty()) {
            return List.of();
        }
        new TreeMap<>(namesBySlug).forEach((slug, name) -> getEntityManager()
                .createNativeQuery("insert into tag (slug, name) values (?1, ?2) on conflict (slug) do nothing")
                .setParameter(1, slug).setParameter(2, name).executeUpdate());
        Map<String, Tag> found = list("slug in ?1", namesBySlug.keySet()).stream()
                .collect(Collectors.toMap(Tag::getSlug, Function.identity()));
        return namesBySlug.keySet().stream().map(found::get).toList();
    }

    public List<Term> terms(Audience audience) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select t.slug, t.name, count(a.id)
                from tag t
                left join article_tag at on at.tag_id = t.id
                left join article a on a.id = at.article_id and %s
                group by t.id
                having ?1 or count(a.id) > 0
                order by count(a.id) desc, t.slug
                """.formatted(audience.sqlFilter("a")))
                .setParameter(1, audience.seesEverything()).getResultList();
        return rows.stream().map(r -> new Term((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }
}
