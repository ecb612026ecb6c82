// Installing and downloading models: a local HTTP server serves the tiny
// golden CLIP model; downloads succeed, resume after a cut, and refuse bad data.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include "embed/model_download.h"
#include "embed/model_manager.h"
#include "local_http_server.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::LocalHttpServer;
using test::TempDir;

QByteArray readAll(const QString& path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return f.readAll();
}

QByteArray sha(const QByteArray& data) {
  return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

const char* const kHfFiles[] = {"config.json", "preprocessor_config.json", "model.safetensors"};

QString goldenHf() { return QString::fromStdString(test::dataPath("golden/clip_tiny_hf")); }

// Serves the golden HF model; the weights carry the hub's checksum header.
ModelDescriptor serveGolden(LocalHttpServer& server) {
  ModelDescriptor d{"tiny", "Tiny test CLIP", server.baseUrl().toStdString() + "tiny/", {}};
  for (const char* name : kHfFiles) {
    const QByteArray body = readAll(goldenHf() + "/" + name);
    server.addFile(QStringLiteral("tiny/%1").arg(name), body,
                   QByteArray(name) == "model.safetensors" ? sha(body) : QByteArray());
    d.files.push_back({name, "", -1});
  }
  return d;
}

TEST(ModelDownload, DownloadsAndVerifiesTheGoldenModel) {
  TempDir dir;
  LocalHttpServer server;
  ModelManager manager(dir.path("models"));
  const ModelDescriptor model = serveGolden(server);
  long long lastDone = 0;
  auto installed = manager.download(model, [&](const Progress& p) { lastDone = p.done; });
  ASSERT_TRUE(installed.ok()) << installed.message();
  EXPECT_EQ(installed->layout, "hf");
  EXPECT_EQ(installed->id, sha(readAll(goldenHf() + "/model.safetensors")).toStdString());
  EXPECT_GT(lastDone, 0);
  for (const char* name : kHfFiles) {
    EXPECT_EQ(readAll(QString::fromStdString(installed->folder) + "/" + name),
              readAll(goldenHf() + "/" + name));
  }
  ASSERT_EQ(manager.installed().size(), 1u);
  EXPECT_EQ(manager.installed()[0].name, "tiny");
  EXPECT_FALSE(manager.download(model).ok()) << "already installed";
  ASSERT_TRUE(manager.remove("tiny").ok());
  EXPECT_TRUE(manager.installed().empty());
}

TEST(ModelDownload, InterruptedDownloadResumesWhereItStopped) {
  TempDir dir;
  LocalHttpServer server;
  const QByteArray body = readAll(goldenHf() + "/model.safetensors");
  server.addFile("w.safetensors", body, sha(body));
  server.cutAfter("w.safetensors", 200000);
  DownloadRequest request{server.baseUrl().toStdString() + "w.safetensors", dir.path("w.safetensors"), "", -1,
                          10};

  auto first = downloadFile(request);
  ASSERT_FALSE(first.ok());
  EXPECT_NE(first.message().find("try again to resume"), std::string::npos) << first.message();
  EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.path("w.safetensors")))) << "no half file in place";
  EXPECT_EQ(QFileInfo(QString::fromStdString(dir.path("w.safetensors.part"))).size(), 200000);

  auto second = downloadFile(request);
  ASSERT_TRUE(second.ok()) << second.message();
  EXPECT_TRUE(second->resumed);
  EXPECT_TRUE(second->checksumVerified);
  EXPECT_EQ(server.lastRangeHeader(), "Range: bytes=200000-");
  EXPECT_EQ(readAll(QString::fromStdString(dir.path("w.safetensors"))), body);
  EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.path("w.safetensors.part"))));
}

TEST(ModelDownload, ServerThatIgnoresRangesStartsOver) {
  TempDir dir;
  LocalHttpServer server;
  const QByteArray body(300000, 'x');
  server.addFile("f", body);
  server.cutAfter("f", 1000);
  DownloadRequest request{server.baseUrl().toStdString() + "f", dir.path("f"), sha(body).toStdString(), -1,
                          10};
  ASSERT_FALSE(downloadFile(request).ok());
  server.setIgnoreRange(true);
  auto again = downloadFile(request);
  ASSERT_TRUE(again.ok()) << again.message();
  EXPECT_FALSE(again->resumed);
  EXPECT_EQ(readAll(QString::fromStdString(dir.path("f"))), body);
}

TEST(ModelDownload, WrongChecksumIsRefusedAndDiscarded) {
  TempDir dir;
  LocalHttpServer server;
  server.addFile("w", QByteArray(5000, 'a'), QByteArray(64, 'b'));  // the header lies
  auto result = downloadFile({server.baseUrl().toStdString() + "w", dir.path("w"), "", -1, 10});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.message().find("checksum mismatch"), std::string::npos) << result.message();
  EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.path("w"))));
  EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.path("w.part"))));
}

TEST(ModelDownload, MissingFileIsAClearError) {
  TempDir dir;
  LocalHttpServer server;
  auto result = downloadFile({server.baseUrl().toStdString() + "nope", dir.path("nope"), "", -1, 10});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.message().find("HTTP 404"), std::string::npos) << result.message();
}

TEST(ModelDownload, CancelKeepsThePartForLater) {
  TempDir dir;
  LocalHttpServer server;
  server.addFile("big", QByteArray(2'000'000, 'z'));
  CancelFlag cancel;
  cancel.cancel();
  auto result =
      downloadFile({server.baseUrl().toStdString() + "big", dir.path("big"), "", -1, 10}, {}, &cancel);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.message().find("cancelled"), std::string::npos);
  EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.path("big"))));
}

TEST(ModelManager, InstallsFromAFolderAndDescribesIt) {
  TempDir dir;
  ModelManager manager(dir.path("models"));
  auto installed = manager.installFromFolder(goldenHf().toStdString(), "golden");
  ASSERT_TRUE(installed.ok()) << installed.message();
  EXPECT_EQ(installed->layout, "hf");
  EXPECT_EQ(installed->id, sha(readAll(goldenHf() + "/model.safetensors")).toStdString());
  auto found = manager.find("golden");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, installed->id);
  EXPECT_FALSE(manager.installFromFolder(goldenHf().toStdString(), "golden").ok()) << "name taken";
  auto openclip = manager.installFromFolder(test::dataPath("golden/clip_tiny_openclip"), "oc");
  ASSERT_TRUE(openclip.ok()) << openclip.message();
  EXPECT_EQ(openclip->layout, "openclip");
}

TEST(ModelManager, PickleOnlyFolderIsRefusedWithAWayOut) {
  TempDir dir;
  QDir().mkpath(QString::fromStdString(dir.path("old")));
  test::writeBytes(dir.path("old/config.json"), "{}");
  test::writeBytes(dir.path("old/pytorch_model.bin"), "PK");
  ModelManager manager(dir.path("models"));
  auto result = manager.installFromFolder(dir.path("old"), "old");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.message().find("pickle"), std::string::npos);
  EXPECT_NE(result.message().find("safetensors"), std::string::npos);
  EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(dir.path("models/old"))));
}

}  // namespace
}  // namespace w2w
