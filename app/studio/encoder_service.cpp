#include "encoder_service.h"

#include <QFileInfo>
#include <QThread>

#include "embed/encoder_factory.h"
#include "studio_settings.h"

namespace w2w {

EncoderService::EncoderService(StudioSettings* settings, QObject* parent)
    : QObject(parent), settings_(settings) {
  connect(settings_, &StudioSettings::encoderChanged, this, &EncoderService::encoderChanged);
}

EncoderService::~EncoderService() = default;

QString EncoderService::spec() const { return settings_->encoder(); }

std::string EncoderService::modelId() const {
  auto id = encoderModelId(spec().toStdString());
  return id ? *id : std::string();
}

QString EncoderService::displayName() const {
  if (isBasic()) return tr("Basic (colour, texture, shape; not FashionCLIP)");
  auto identified = identifyEncoder(spec().toStdString());
  const QString name = QFileInfo(spec()).fileName();
  if (identified && identified->kind == "torchscript") return tr("TorchScript (%1)").arg(name);
  return tr("FashionCLIP (%1)").arg(name);
}

Status EncoderService::use(const std::function<Status(Encoder&)>& work) {
  std::lock_guard<std::mutex> lock(mutex_);
  const QString wanted = spec();
  const QString device = settings_->device();
  if (!encoder_ || wanted != openSpec_ || device != openDevice_) {
    encoder_.reset();
    EncoderOptions options;
    options.device = device.toStdString();
    // Leave a core for the GUI: the studio never runs the encoder flat out.
    options.threads = std::max(1, QThread::idealThreadCount() - 1);
    auto opened = openEncoder(wanted.toStdString(), options);
    if (!opened) return opened.error();
    encoder_ = std::move(*opened);
    openSpec_ = wanted;
    openDevice_ = device;
  }
  return work(*encoder_);
}

}  // namespace w2w
