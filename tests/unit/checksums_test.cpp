// SPDX-License-Identifier: MPL-2.0
// SHA256SUMS of the submission package: the digests are SHA-256's (FIPS
// 180-4's test vectors), a file's equals its bytes', and the text is
// sha256sum's own format, so that `sha256sum -c` checks the package.

#include "msoko/checksums.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

using namespace msoko;

namespace {

namespace fs = std::filesystem;

// A fresh folder of its own under the system's temporary folder, removed after the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string name = (fs::temp_directory_path() / "msoko-checksums-XXXXXX").string();
        if (!mkdtemp(name.data()))
            throw std::runtime_error("mkdtemp failed");
        path = name;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& bytes) const {
        const fs::path p = path / fs::u8path(name);
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
};

}  // namespace

TEST(Checksums, KnownSha256Vectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million «a»: more than one block and more than one update of a file's reading.
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Bytes, not a C string: a zero byte counts.
    EXPECT_EQ(sha256_hex(std::string_view("\0", 1)),
              "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
}

TEST(Checksums, AFileIsDigestedAsItsBytes) {
    const TempDir dir;
    EXPECT_EQ(sha256_file(dir.write("empty", "")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const std::string big(200000, 'a');  // more than the reader's buffer
    EXPECT_EQ(sha256_file(dir.write("big", big)), sha256_hex(big));
    const std::string binary("a\r\n\0b\x1a\xff", 7);  // no text-mode translation
    EXPECT_EQ(sha256_file(dir.write("binary", binary)), sha256_hex(binary));
}

TEST(Checksums, AMissingFileIsNamedInRussian) {
    const TempDir dir;
    const fs::path missing = dir.path / fs::u8path("Пояснительная записка.pdf");
    try {
        sha256_file(missing);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("не удалось прочитать файл"), std::string::npos) << what;
        EXPECT_NE(what.find("Пояснительная записка.pdf"), std::string::npos) << what;
        EXPECT_NE(what.find("нет такого файла"), std::string::npos) << what;
    }
    EXPECT_THROW(sha256_file(dir.path), std::runtime_error);  // a folder is no file
    EXPECT_THROW(sha256sums(dir.path, {"missing.csv"}), std::runtime_error);
}

TEST(Checksums, Sha256sumsIsSha256sumsOwnFormatInTheOrderGiven) {
    const TempDir dir;
    dir.write("indicators.csv", "abc");
    dir.write("Пояснительная записка.odt", "");
    const std::string sums = sha256sums(dir.path, {"Пояснительная записка.odt", "indicators.csv"});
    EXPECT_EQ(sums,
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  Пояснительная записка.odt\n"
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  indicators.csv\n");
    EXPECT_EQ(sha256sums(dir.path, {}), "");
    // A name sha256sum would have to escape is refused rather than written wrong.
    EXPECT_THROW(sha256sums(dir.path, {"a\nb"}), std::runtime_error);
}

TEST(Checksums, Sha256sumCheckAcceptsTheText) {
    if (std::system("command -v sha256sum >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "no sha256sum on this machine";
    const TempDir dir;
    dir.write("indicators.json", "{\"format\":\"msoko-submission/1\"}");
    dir.write("Ольховоборский — МСОКО.ods", std::string(70000, 'x'));
    std::ofstream(dir.path / "SHA256SUMS", std::ios::binary)
        << sha256sums(dir.path, {"indicators.json", "Ольховоборский — МСОКО.ods"});
    const std::string cd = "cd '" + dir.path.string() + "' && ";
    EXPECT_EQ(std::system((cd + "sha256sum --quiet -c SHA256SUMS").c_str()), 0);
    // An altered file fails the check.
    dir.write("indicators.json", "{\"format\":\"msoko-submission/2\"}");
    EXPECT_NE(std::system((cd + "sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1").c_str()), 0);
}
