package dev.khabar.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A free keyword; tags that slugify alike ("Russia", "russia") are one tag, named as first written. */
@Entity
@Table(name = "tag")
public class Tag extends NamedTerm {
}
