/**
 * The jackson-core plumbing shared by Polycodec's JSON-text formats (codec-json's {@code json} and
 * codec-protobuf-json's {@code protobuf-json}): the factory with Jackson's limits set from Polycodec's,
 * the codec shell around a record plan (encoding to memory or a stream, size limits, decoding with every
 * failure as a {@link io.polycodec.DecodeException} naming format, offset and path), and the wording of
 * parse errors. It is here so that the mapping-neutral code exists once; applications use
 * {@link io.polycodec.Codecs}, not this package.
 */
package io.polycodec.json.jackson;
