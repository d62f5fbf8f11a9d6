package com.acme.model;

import io.polycodec.Tag;
import java.util.List;

/** Listed in the POM, not annotated. */
public record Account(@Tag(1) long id, @Tag(2) String owner, @Tag(3) List<String> tags) {}
