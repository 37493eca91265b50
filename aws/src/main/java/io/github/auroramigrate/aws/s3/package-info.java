/**
 * Dumps in Amazon S3: {@link io.github.auroramigrate.aws.s3.S3DumpStore} streams every dump file as its own multipart
 * upload (bounded memory, visible only when complete, CRC-32C checked by S3), reads resume after dropped connections,
 * and an Aurora MySQL target can read the chunk files itself with {@code LOAD DATA FROM S3}
 * ({@code Load...method(LoadMethod.SERVER_SIDE)}).
 *
 * <pre>{@code
 * try (S3DumpStore store = S3DumpStore.of("my-bucket").prefix("dumps/shop").region("eu-west-1").build()) {
 *     Dump.from(source).schemas("shop").to(store).compression(Compression.NONE).build().run();
 *     Load.into(aurora).from(LoadSources.dump(store)).method(LoadMethod.SERVER_SIDE).build().run();
 * }
 * }</pre>
 */
package io.github.auroramigrate.aws.s3;
