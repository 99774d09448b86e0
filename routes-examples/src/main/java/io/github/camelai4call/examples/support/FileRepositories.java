package io.github.camelai4call.examples.support;

import java.io.File;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * File-backed repositories from a path string, for the YAML routes' {@code beans} (Camel has no String to File type
 * converter, so {@code fileStore: "..."} cannot be set from YAML):
 * <pre>
 * - beans:
 *     - name: calledLeads
 *       type: org.apache.camel.support.processor.idempotent.FileIdempotentRepository
 *       factoryBean: io.github.camelai4call.examples.support.FileRepositories
 *       factoryMethod: idempotentRepository
 *       constructors:
 *         0: "{{crm.dir}}/called-leads.ids"
 * </pre>
 */
public final class FileRepositories {

    private FileRepositories() {
    }

    /** Remembers up to 100,000 ids in memory, all of them in the file: for the idempotent consumer EIP. */
    public static IdempotentRepository idempotentRepository(String path) {
        return FileIdempotentRepository.fileIdempotentRepository(new File(path), 100_000);
    }
}
