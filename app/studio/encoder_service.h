// EncoderService: the encoder the studio uses (chosen in the settings), opened
// once on first use and shared by the views' background tasks.
//
// Encoders run one call at a time (encoder.h), so use() serialises callers;
// it may be called from any thread, and opens the model on the calling
// (worker) thread so the GUI never waits for a model to load.
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

#include "common/result.h"
#include "embed/encoder.h"
#include "embed/encoder_factory.h"

namespace w2w {

class StudioSettings;

class EncoderService : public QObject {
  Q_OBJECT

 public:
  explicit EncoderService(StudioSettings* settings, QObject* parent = nullptr);
  ~EncoderService() override;

  // Cheap descriptions (no model load): "basic" or the model folder; the model
  // id embeddings are stored under; a display name.
  QString spec() const;
  std::string modelId() const;
  QString displayName() const;
  bool isBasic() const { return spec() == kBasicEncoderSpec; }

  // Runs `work` with the encoder, opening it first if needed.
  Status use(const std::function<Status(Encoder&)>& work);

 Q_SIGNALS:
  void encoderChanged();

 private:
  StudioSettings* settings_;
  std::mutex mutex_;
  std::unique_ptr<Encoder> encoder_;
  QString openSpec_;
  QString openDevice_;
};

}  // namespace w2w
