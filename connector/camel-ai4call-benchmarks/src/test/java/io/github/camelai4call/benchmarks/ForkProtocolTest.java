package io.github.camelai4call.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The harness and a fork understand each other's lines, field by field, whatever the values hold. */
class ForkProtocolTest {

    @Test
    void everyCommandComesBackAsItWasSent() throws IOException {
        for (ForkProtocol.Command c : new ForkProtocol.Command[] {new ForkProtocol.Prepare(Server.SIMULATOR),
                new ForkProtocol.WarmUp(Client.Op.outboundCall, 8),
                new ForkProtocol.TimedRound(Client.Op.listAssistants, 1, 2.5), new ForkProtocol.Exit()}) {
            String line = ForkProtocol.encode(c);
            assertEquals(1, line.lines().count(), line);
            assertEquals(c, ForkProtocol.command(line));
        }
    }

    @Test
    void answersKeepUnmeasuredCpuAndFailuresOverSeveralLines() throws IOException {
        ForkProtocol.RoundResult round = new ForkProtocol.RoundResult(51234.5, 2,
                "java.io.IOException: closed\n\tat somewhere", Double.NaN, Double.NaN);
        String line = ForkProtocol.encode(round);
        assertEquals(1, line.lines().count(), line);
        ForkProtocol.RoundResult back = (ForkProtocol.RoundResult) ForkProtocol.answer(line);
        assertEquals(51234.5, back.rate());
        assertEquals(2, back.errors());
        assertEquals(round.firstError(), back.firstError());
        assertTrue(Double.isNaN(back.userMicrosPerCall()));
        assertTrue(Double.isNaN(back.systemMicrosPerCall()));

        ForkProtocol.RoundResult clean = new ForkProtocol.RoundResult(10, 0, null, 1.5, 2.5);
        assertEquals(clean, ForkProtocol.answer(ForkProtocol.encode(clean)));
        assertEquals(new ForkProtocol.Warmed(12, false),
                ForkProtocol.answer(ForkProtocol.encode(new ForkProtocol.Warmed(12, false))));
        assertEquals(new ForkProtocol.Failed("x\ty"), ForkProtocol.answer(ForkProtocol.encode(new ForkProtocol.Failed("x\ty"))));
    }

    @Test
    void aLogLineIsNoAnswerAndAnUnknownMessageIsAnError() throws IOException {
        assertNull(ForkProtocol.answer("[bench] camel-ai4call `ai4call:` warmed up in 12 s"));
        assertThrows(IOException.class, () -> ForkProtocol.command("SHUTDOWN {}"));
        assertThrows(IOException.class, () -> ForkProtocol.answer(ForkProtocol.ANSWER_MARK + "Ready"));
    }
}
