package dev.khabar.taxonomy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.khabar.article.Audience;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Categories: found or created by slug, race-free, and counted per audience. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    /** The category with this slug, created with this name when there is none (concurrent callers get one row). */
    public Category findOrCreate(String slug, String name) {
        getEntityManager().createNativeQuery("insert into category (slug, name) values (?1, ?2) on conflict (slug) do nothing")
                .setParameter(1, slug).setParameter(2, name).executeUpdate();
        return find("slug", slug).singleResult();
    }

    public List<Term> terms(Audience audience) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select c.slug, c.name, count(a.id)
                from category c left join article a on a.category_id = c.id and %s
                group by c.id
                having ?1 or count(a.id) > 0
                order by count(a.id) desc, c.slug
                """.formatted(audience.sqlFilter("a")))
                .setParameter(1, audience.seesEverything()).getResultList();
        return rows.stream().map(r -> new Term((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }
}
