//! [`Shared`]: a list that scenarios made by edits share until one of them changes it.

use serde::{Deserialize, Serialize};

/// A list shared between the scenarios an edit makes (the subnets, the route tables and each
/// one's routes, the gateway and interface endpoints, the instances, a security group's or
/// network ACL's rules each way):
/// copying a scenario copies none of its items, and changing the list (through `DerefMut`)
/// copies it alone, when another scenario still shares it. Reads and writes as the list it
/// holds.
#[derive(Debug)]
pub struct Shared<T>(std::sync::Arc<Vec<T>>);

impl<T> Shared<T> {
    /// Whether both share one list (then they are equal without comparing).
    pub fn shares(&self, other: &Shared<T>) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }

    /// Whether no other scenario shares the list: changing or splitting it copies nothing,
    /// and dropping it frees its items.
    pub fn is_unique(&mut self) -> bool {
        std::sync::Arc::get_mut(&mut self.0).is_some()
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Shared(Default::default())
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> std::ops::DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        std::sync::Arc::make_mut(&mut self.0)
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(items: Vec<T>) -> Self {
        Shared(std::sync::Arc::new(items))
    }
}

impl<T> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Shared::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Changing the items in place: the list is copied first when another scenario shares it.
impl<'a, T: Clone> IntoIterator for &'a mut Shared<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        std::sync::Arc::make_mut(&mut self.0).iter_mut()
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        self.shares(other) || self.0 == other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Shared::from)
    }
}
