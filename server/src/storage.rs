//! Uploaded files on the local disk (the embedded default; S3-compatible
//! storage is the scale path). A body is streamed to a temporary file while
//! its size is counted and its SHA-256 computed; its type is decided from its
//! first and last bytes, never from its name; only a complete, allowed file
//! is kept, under a name the server chooses.

use std::path::{Path, PathBuf};

use app::contracts::requests::ByteStream;
use futures::StreamExt as _;
use sha2::{Digest as _, Sha256};
use tokio::io::AsyncWriteExt as _;

/// A file kept in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The server-chosen name.
    pub name: String,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
    /// Decided from the content.
    pub content_type: &'static str,
}

/// Why a file was not kept.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UploadError {
    /// Larger than the limit.
    #[error("حجم پرونده نباید بیش از {0} مگابایت باشد")]
    TooLarge(u64),
    /// Not JPEG, PNG or PDF, or cut off before its end.
    #[error("فقط تصویر JPEG یا PNG یا پرونده PDF کامل پذیرفته می‌شود")]
    NotAllowed,
    /// The upload stopped halfway.
    #[error("بارگذاری نیمه‌کاره ماند؛ دوباره تلاش کنید")]
    Interrupted,
    /// The disk failed.
    #[error("storage: {0}")]
    Disk(String),
}

/// Files under one folder.
#[derive(Debug, Clone)]
pub struct LocalFiles {
    root: PathBuf,
    max_bytes: u64,
}

impl LocalFiles {
    /// Files under `root`, each at most `max_bytes`.
    pub fn new(root: impl Into<PathBuf>, max_bytes: u64) -> Self {
        Self {
            root: root.into(),
            max_bytes,
        }
    }

    /// The largest file accepted, in bytes.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// Where a stored file lives.
    pub fn path_of(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// Streams `body` into storage; nothing is left behind on failure.
    pub async fn put(&self, mut body: ByteStream) -> Result<Stored, UploadError> {
        tokio::fs::create_dir_all(&self.root).await.map_err(disk)?;
        let name = uuid::Uuid::new_v4().simple().to_string();
        let partial = self.root.join(format!("{name}.part"));
        let result = async {
            let mut file = tokio::fs::File::create(&partial).await.map_err(disk)?;
            let mut hasher = Sha256::new();
            let mut size: u64 = 0;
            let mut head = Vec::with_capacity(8);
            let mut tail: Vec<u8> = Vec::with_capacity(1024);
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|_| UploadError::Interrupted)?;
                size += chunk.len() as u64;
                if size > self.max_bytes {
                    return Err(UploadError::TooLarge(self.max_bytes / (1024 * 1024)));
                }
                if head.len() < 8 {
                    head.extend(chunk.iter().take(8 - head.len()));
                }
                tail.extend_from_slice(&chunk);
                if tail.len() > 1024 {
                    tail.drain(..tail.len() - 1024);
                }
                hasher.update(&chunk);
                file.write_all(&chunk).await.map_err(disk)?;
            }
            file.flush().await.map_err(disk)?;
            file.sync_all().await.map_err(disk)?;
            let content_type = sniff(&head, &tail).ok_or(UploadError::NotAllowed)?;
            let sha256 = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
            Ok(Stored {
                name: name.clone(),
                size: i64::try_from(size).unwrap_or(i64::MAX),
                sha256,
                content_type,
            })
        }
        .await;
        match result {
            Ok(stored) => {
                tokio::fs::rename(&partial, self.root.join(&stored.name))
                    .await
                    .map_err(disk)?;
                Ok(stored)
            }
            Err(error) => {
                tokio::fs::remove_file(&partial).await.ok();
                Err(error)
            }
        }
    }

    /// Whether the folder can be written, for start-up checks.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

fn disk(error: std::io::Error) -> UploadError {
    UploadError::Disk(error.to_string())
}

/// The type of a complete JPEG, PNG or PDF, from its first and last bytes.
/// A file cut off before its end marker is refused as well.
pub fn sniff(head: &[u8], tail: &[u8]) -> Option<&'static str> {
    let ends_with = |marker: &[u8]| tail.windows(marker.len()).any(|w| w == marker);
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) && ends_with(&[0xFF, 0xD9]) {
        Some("image/jpeg")
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) && ends_with(b"IEND") {
        Some("image/png")
    } else if head.starts_with(b"%PDF-") && ends_with(b"%%EOF") {
        Some("application/pdf")
    } else {
        None
    }
}

/// A file name safe to show: no folders, no control characters, not too long.
pub fn display_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "document".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_decided_by_content_and_completeness() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0abcd", b"...\xFF\xD9"), Some("image/jpeg"));
        assert_eq!(sniff(b"%PDF-1.7", b"trailer\n%%EOF\n"), Some("application/pdf"));
        assert_eq!(sniff(b"%", b"%"), None, "a 1-byte PDF");
        assert_eq!(sniff(b"MZ\x90\x00", b"\x00"), None, "an executable named .jpg");
        assert_eq!(
            sniff(b"\xFF\xD8\xFF\xE0abcd", b"half a picture"),
            None,
            "a cut-off JPEG"
        );
    }

    #[test]
    fn names_lose_their_folders_and_control_characters() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\a\\کارت ملی.jpg"), "کارت ملی.jpg");
        assert_eq!(display_name("..\u{0}"), "document");
    }
}
