package io.polycodec.examples.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.schema.Quantization;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality promise of quantized vectors (issue 10) on the scenario's data: 10,000 seeded, clustered
 * 768-dimensional vectors; recall@10 of brute-force search over what the cache returns, against FP32,
 * at least 0.99 for FP16 and BF16 and 0.95 for INT8; and the payload sizes per vector.
 */
class EmbeddingScenarioTest {

  @Test
  void recallAndSizesMeetThePromise() {
    List<EmbeddingScenario.Row> rows = EmbeddingScenario.run(new PrintStream(OutputStream.nullOutputStream()), 10_000, 50,
        "protobuf");
    for (EmbeddingScenario.Row r : rows) {
      System.out.printf("%s: %.1f bytes/vector, recall@10 %.4f%n", r.quantization(), r.bytesPerVector(), r.recallAt10());
    }
    EmbeddingScenario.Row fp32 = row(rows, Quantization.NONE);
    EmbeddingScenario.Row fp16 = row(rows, Quantization.FP16);
    EmbeddingScenario.Row bf16 = row(rows, Quantization.BF16);
    EmbeddingScenario.Row int8 = row(rows, Quantization.INT8);
    assertTrue(fp16.recallAt10() >= 0.99, "FP16 recall@10 " + fp16.recallAt10());
    assertTrue(bf16.recallAt10() >= 0.99, "BF16 recall@10 " + bf16.recallAt10());
    assertTrue(int8.recallAt10() >= 0.95, "INT8 recall@10 " + int8.recallAt10());
    // Payloads: 3,072 / 1,536 / 1,536 / 772 bytes of vector, plus the id and the field framing.
    assertTrue(fp32.bytesPerVector() >= 3072 && fp32.bytesPerVector() < 3072 + 16, "FP32 " + fp32.bytesPerVector());
    assertTrue(fp16.bytesPerVector() >= 1536 && fp16.bytesPerVector() < 1536 + 16, "FP16 " + fp16.bytesPerVector());
    assertTrue(bf16.bytesPerVector() >= 1536 && bf16.bytesPerVector() < 1536 + 16, "BF16 " + bf16.bytesPerVector());
    assertTrue(int8.bytesPerVector() >= 772 && int8.bytesPerVector() < 772 + 16, "INT8 " + int8.bytesPerVector());
  }

  @Test
  void everyBinaryFormatCachesTheSameVector() {
    float[] v = SyntheticEmbeddings.generate(1, EmbeddingScenario.DIM, 1)[0];
    for (String format : List.of("protobuf", "msgpack", "flatbuffers", "json")) {
      EmbeddingCache exact = new EmbeddingCache(Quantization.NONE, format);
      exact.put(7, v);
      assertArrayEquals(v, exact.get(7), format);
      EmbeddingCache half = new EmbeddingCache(Quantization.FP16, format);
      half.put(7, v);
      assertEquals(EmbeddingScenario.DIM, half.get(7).length, format);
    }
  }

  private static EmbeddingScenario.Row row(List<EmbeddingScenario.Row> rows, Quantization q) {
    return rows.stream().filter(r -> r.quantization() == q).findFirst().orElseThrow();
  }
}
