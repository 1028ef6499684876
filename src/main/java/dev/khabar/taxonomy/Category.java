package dev.khabar.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A section of the publication (politics, sport...); created on first use by name. */
@Entity
@Table(name = "category")
public class Category extends NamedTerm {
}
