package dev.khabar.article;

/** The sizes an article may reach; every limit is enforced with a 400 naming the field at fault. */
public final class Limits {
    public static final int TITLE = 300;
    public static final int HEADING = 300;
    public static final int SUBTITLE = 500;
    public static final int PARAGRAPH = 10_000;
    public static final int BULLET = 2_000;
    public static final int SECTIONS = 50;
    public static final int BULLETS = 50;
    public static final int TAGS = 50;
    public static final int TAG = 100;
    public static final int CATEGORY = 100;
    public static final int AUTHORS = 20;
    public static final int AUTHOR = 200;
    public static final int URL = 2_000;
    public static final int IMAGE_TEXT = 1_000;
    public static final int IMAGE_SIDE = 100_000;
    /** Bytes in the body of a request that carries one article. */
    public static final int SINGLE_ARTICLE_BODY = 1024 * 1024;

    private Limits() {
    }
}
