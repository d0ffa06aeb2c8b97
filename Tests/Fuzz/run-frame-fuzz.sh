#!/usr/bin/env bash
# Fuzz RPCFrameDecoder inside a ByteToMessageHandler on an EmbeddedChannel with libFuzzer
# (+ AddressSanitizer), seeded with hand-made streams (valid, split, zero, oversized, truncated).
#   Tests/Fuzz/run-frame-fuzz.sh [SECONDS]    (default 60)
# The decoder's own files are compiled with the target (and instrumented); NIOCore, NIOEmbedded
# and what they use are linked from the package's debug build, so run `swift build` first
# (`make fuzz` does).
source "$(dirname "$0")/fuzz-common.sh"
DEBUG=.build/debug
[ -d "$DEBUG/NIOEmbedded.build" ] || { echo "run-frame-fuzz: no $DEBUG/NIOEmbedded.build; run 'swift build' first" >&2; exit 1; }
# NIOEmbedded's dependency closure (swift-nio, swift-collections, swift-atomics).
SWIFT_TARGETS=(NIOCore NIOEmbedded NIOConcurrencyHelpers _NIOBase64 _NIODataStructures
               DequeModule InternalCollectionsUtilities ContainersPreview Atomics)
C_TARGETS=(_AtomicsShims CNIOLinux CNIODarwin CNIOWindows CNIOWASI CNIOFreeBSD CNIOOpenBSD CNIOAtomics)
FLAGS=(-I "$DEBUG/Modules")
OBJECTS=()
for t in "${SWIFT_TARGETS[@]}" "${C_TARGETS[@]}"; do
    while IFS= read -r o; do OBJECTS+=("$o"); done < <(find "$DEBUG/$t.build" -name '*.o' | sort)
done
for t in "${C_TARGETS[@]}"; do
    map="$DEBUG/$t.build/module.modulemap"
    [ -f "$map" ] || map=$(find .build/checkouts -path "*/Sources/$t/include/module.modulemap" | head -1)
    FLAGS+=(-Xcc "-fmodule-map-file=$map" -Xcc -I -Xcc "$(find .build/checkouts -path "*/Sources/$t/include" -type d | head -1)")
done
fuzz_build frame Sources/HazardRPC/Framing/RPCFrameDecoder.swift Sources/HazardRPC/Framing/RPCFrameError.swift \
    Sources/HazardRPC/Framing/RPCFrameLimit.swift Tests/Fuzz/RPCFrameDecoderFuzz.swift "${FLAGS[@]}" "${OBJECTS[@]}"
fuzz_run frame "${1:-60}" 4096
