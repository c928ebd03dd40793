package io.openassist.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StorableTextTest {

  @Test
  void storableTextIsReturnedAsItIs() {
    String text = "plain, ünïcödé and a pair: \uD83D\uDE00";
    assertSame(text, StorableText.clean(text));
    assertNull(StorableText.clean(null));
  }

  @Test
  void nulAndUnpairedSurrogatesBecomeReplacementCharacters() {
    assertEquals("a\uFFFDb", StorableText.clean("a\u0000b"));
    assertEquals("\uFFFDx", StorableText.clean("\uD83Dx"));
    assertEquals("x\uFFFD", StorableText.clean("x\uDE00"));
    assertEquals("\uD83D\uDE00\uFFFD\uFFFD", StorableText.clean("\uD83D\uDE00\uDE00\u0000"));
    assertEquals("\uFFFD\uD83D\uDE00", StorableText.clean("\uDE00\uD83D\uDE00"));
  }
}
